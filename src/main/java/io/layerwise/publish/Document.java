package io.layerwise.publish;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An AsciiDoc document ready to publish, with the images it refers to. Its formulas are MathML
 * passthroughs that carry their LaTeX (the PDF typesets them from it).
 *
 * @param baseName the base of the output file names ({@code course-example-answers})
 * @param asciidoc the source
 * @param images finished SVG images (diagrams), by file name
 */
public record Document(String baseName, String asciidoc, Map<String, String> images) {

  /**
   * What a name that becomes an output file may be: letters, digits, {@code -}, {@code _} and
   * {@code .}, not leading, so that no name read from a file can leave the output directory
   * ({@code ../x}, {@code /tmp/x}) or hide itself ({@code .x}).
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  public Document {
    if (!isPlainName(baseName)) {
      throw new IllegalArgumentException("not a plain file name: '" + baseName + "'");
    }
    images = Map.copyOf(images);
  }

  /** Whether a name may become an output file name as it is (see {@link #PLAIN}). */
  public static boolean isPlainName(String name) {
    return PLAIN.matcher(name).matches();
  }

  /** The image file names, sorted, so that output is reproducible. */
  List<String> imageFiles() {
    return images.keySet().stream().sorted().toList();
  }
}
