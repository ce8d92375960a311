package io.layerwise.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A question bank as a content package (QTI 2.1 or Canvas' QTI 1.2): its files in the order they
 * are zipped, the manifest first. The zip is reproducible: the same files give the same bytes
 * (fixed entry times, no extra fields, the order given), so a rebuild of an unchanged exercise
 * writes the same package.
 *
 * @param entries the files, each once
 */
public record QuizPackage(List<Entry> entries) {

  /** The time every entry carries: the first day the zip format can date. */
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  /**
   * One file of the package.
   *
   * @param path where it lies in the zip, with {@code /} between folders
   * @param bytes its content
   */
  public record Entry(String path, byte[] bytes) {
    public Entry {
      if (path.isEmpty() || path.startsWith("/") || path.contains("..")
          || path.contains("\\")) {
        throw new IllegalArgumentException("not a relative path inside a package: " + path);
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  public QuizPackage {
    entries = List.copyOf(entries);
    Set<String> seen = new HashSet<>();
    for (Entry e : entries) {
      if (!seen.add(e.path())) {
        throw new IllegalArgumentException("two files at " + e.path());
      }
    }
  }

  /** The package as a zip, the same bytes for the same files. */
  public byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Entry e : entries) {
        ZipEntry z = new ZipEntry(e.path());
        z.setTimeLocal(EPOCH);
        zip.putNextEntry(z);
        zip.write(e.bytes);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a zip in memory cannot fail to write", e);
    }
    return out.toByteArray();
  }
}
