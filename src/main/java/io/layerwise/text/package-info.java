/**
 * Escapers for the languages Layerwise writes text from exercise files into. Depends on nothing;
 * every stage that writes such text may use it.
 */
package io.layerwise.text;
