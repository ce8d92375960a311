/**
 * The network diagram's geometry: boxes and arrows in, laid out by the Eclipse Layout Kernel's
 * layered algorithm (boxes in rows along the data flow, arrows routed orthogonally around the
 * boxes), cut into parts of one scale, out as SVG. The only package that imports ELK; it knows
 * nothing of layers, only of boxes with lines of text.
 */
package io.layerwise.diagram;
