package io.layerwise.build;

import io.layerwise.Layerwise;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps one JVM and one Asciidoctor warm and rebuilds the sheets of each exercise file that
 * changes under the watched directories (all of them when a template changes). Each rebuild is an
 * ordinary incremental build (the PDF is its HTML printed, a fraction of a second later).
 */
public final class Watcher implements AutoCloseable {

  private final BuildRequest request;
  private final Publisher publisher;
  private final WatchService watch;
  private final List<Path> dirs = new ArrayList<>();

  /**
   * @param request the build; its inputs must be directories
   * @param publisher kept for all rebuilds
   */
  public Watcher(BuildRequest request, Publisher publisher) throws IOException {
    this.request = request;
    this.publisher = publisher;
    this.watch = FileSystems.getDefault().newWatchService();
    List<Path> roots = new ArrayList<>(request.inputs());
    request.templates().ifPresent(roots::add);
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path d : s.filter(Files::isDirectory).toList()) {
          d.register(watch, StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY);
          dirs.add(d);
        }
      }
    }
  }

  /** Builds everything once (incrementally), as {@code build} would. */
  public BuildReport buildAll(BuildListener listener) {
    return SheetBuild.run(request, listener, publisher);
  }

  /**
   * Waits for changes and rebuilds, reporting each rebuild, until the thread is interrupted or
   * the watcher closed.
   */
  public void run(Consumer<BuildReport> onRebuild) {
    publisher.warmUp();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watch.take();
        Set<Path> changed = new LinkedHashSet<>();
        collect(key, changed);
        // Editors save in several steps: gather what else changes in the next moment (40 ms).
        WatchKey more;
        while ((more = watch.poll(40, TimeUnit.MILLISECONDS)) != null) {
          collect(more, changed);
        }
        boolean templates = request.templates().isPresent()
            && changed.stream().anyMatch(p -> p.startsWith(request.templates().get()));
        List<Path> exercises = changed.stream()
            .filter(Layerwise::isExerciseFile)
            .filter(Files::isRegularFile).toList();
        if (templates || (request.handout().isPresent() && !exercises.isEmpty())) {
          onRebuild.accept(buildAll(BuildListener.NONE));
        } else if (!exercises.isEmpty()) {
          onRebuild.accept(SheetBuild.run(only(exercises, request.formats()), BuildListener.NONE,
              publisher));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request for just these exercise files, in these formats. */
  private BuildRequest only(List<Path> exercises, Set<OutputFormat> formats) {
    return new BuildRequest(exercises, request.out(), formats, request.sheets(),
        request.handout(), request.templates(), request.locale(), request.cover());
  }

  private static void collect(WatchKey key, Set<Path> changed) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.context() instanceof Path p) {
        changed.add(dir.resolve(p));
      }
    }
    key.reset();
  }

  public List<Path> directories() {
    return List.copyOf(dirs);
  }

  @Override
  public void close() throws IOException {
    watch.close();
  }
}
