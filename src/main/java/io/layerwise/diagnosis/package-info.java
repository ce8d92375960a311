/**
 * Diagnosis: from the engine's analysis, computed once, every value a known mistake gives for
 * each layer and quantity, with the student's way and why; and, for a student's own earlier
 * answers, the layers recomputed from them. The only stage after the engine that calls its
 * mistake and recompute functions; {@code check}, the feedback sheet, the self-check page and
 * the Moodle bank read it.
 */
package io.layerwise.diagnosis;
