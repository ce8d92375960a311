/**
 * Generated framework code: the Keras and the PyTorch program that build an exercise's network,
 * with notes where a framework has no exact equivalent or counts differently.
 *
 * <p>Beside the pipeline, after the engine (exercise reading → model → engine → <b>code</b>, read
 * by the sheets). {@link io.layerwise.code.FrameworkCode#of} takes the engine's {@link
 * io.layerwise.engine.Analysis}; it imports only the model and the engine, does no I/O, and gets
 * every number it reports from the engine. Each layer kind is written by a visitor per framework
 * ({@code KerasLayers}, {@code TorchLayers}); {@code Plan} walks the network once per framework,
 * tracking the axis order of each tensor (channels last in Keras, first in PyTorch), and the
 * wording of the notes is in {@code notes*.properties}.
 */
package io.layerwise.code;
