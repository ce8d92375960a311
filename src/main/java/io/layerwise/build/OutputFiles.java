package io.layerwise.build;

import io.layerwise.publish.Document;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way the build names a file it writes. Output names come from exercise files (ids,
 * {@code variant.of}, handout names); the reader already holds them to plain names, and this
 * refuses anything else once more, so that no file content decides to write outside the output
 * directory (defence in depth).
 */
public final class OutputFiles {

  private OutputFiles() {}

  /**
   * The file {@code name} directly inside {@code dir}.
   *
   * @throws IOException when {@code name} is not a plain file name or would resolve elsewhere
   */
  public static Path inside(Path dir, String name) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    if (!Document.isPlainName(name) || !base.equals(base.resolve(name).normalize().getParent())) {
      throw new IOException("refusing to write '" + name + "': an output file name is a plain"
          + " name (letters, digits, '.', '_' and '-', not leading) inside " + dir);
    }
    return dir.resolve(name);
  }
}
