package io.layerwise.build;

import io.layerwise.publish.AtomicFiles;
import io.layerwise.publish.Publisher;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files of one exercise (its sheets in every format, self-check page, question bank)
 * are written first, so that they replace the earlier set together or not at all. {@link
 * #commit} first checks that every file can land, then moves the earlier files aside and the new
 * ones in; if a move fails, it puts the earlier files back. The staging directory lives in the
 * output's state directory (same file system, so each move is a rename), named like the
 * publisher's work directories so that one left by a killed build is removed by the next.
 */
final class Stage implements AutoCloseable {

  /** Where the publisher keeps its own work inside any directory it writes to. */
  private static final String STATE = ".layerwise";

  private final Path out;
  private final Path dir;

  private Stage(Path out, Path dir) {
    this.out = out;
    this.dir = dir;
  }

  static Stage open(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Path state = Publisher.stateDir(abs);
    Files.createDirectories(state);
    return new Stage(abs, Files.createTempDirectory(state,
        "work-" + ProcessHandle.current().pid() + "-stage-"));
  }

  /** The directory to write the new files to, named as they will be named in the output. */
  Path dir() {
    return dir;
  }

  /**
   * Moves every staged file to its place in the output, replacing the earlier one.
   *
   * @throws IOException when some file cannot land; then no earlier file has been replaced
   */
  void commit() throws IOException {
    List<Path> files = staged();
    List<Path> targets = new ArrayList<>();
    for (Path f : files) {
      Path target = out;
      for (Path part : dir.relativize(f)) {
        target = OutputFiles.inside(target, part.toString());
      }
      if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("cannot replace " + target + ": it is a directory");
      }
      targets.add(target);
    }
    Path backup = Files.createDirectories(dir.resolve(STATE).resolve("earlier"));
    List<Path> setAside = new ArrayList<>();
    List<Path> placed = new ArrayList<>();
    try {
      for (int i = 0; i < targets.size(); i++) {
        Path target = targets.get(i);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Path aside = backup.resolve(Integer.toString(i));
          Files.move(target, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          setAside.add(target);
        }
      }
      for (int i = 0; i < files.size(); i++) {
        Files.createDirectories(targets.get(i).getParent());
        AtomicFiles.move(files.get(i), targets.get(i));
        placed.add(targets.get(i));
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : placed) {
        Files.deleteIfExists(p);
      }
      for (Path target : setAside) {
        Files.move(backup.resolve(Integer.toString(targets.indexOf(target))), target,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
  }

  /** The files written to the stage, the publisher's own work left out. */
  private List<Path> staged() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.startsWith(dir.resolve(STATE)))
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .sorted().toList();
    }
  }

  @Override
  public void close() {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // a stage left behind is removed by the next build
    }
  }
}
