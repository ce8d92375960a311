/**
 * The command line (picocli): the only package that prints or exits.
 *
 * <p>Last stage of the pipeline. Each subcommand calls the {@link io.layerwise.Layerwise} façade,
 * writes to the streams picocli gives it (so that tests can capture them), and returns an exit
 * code: 0 ok, 1 an invalid exercise or a failed check, 2 a usage error.
 */
package io.layerwise.cli;
