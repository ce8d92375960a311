package io.layerwise.build;

import io.layerwise.Bundled;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {

  @Test
  void rebuildsTheSheetsOfASavedExercise(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Path ex = in.resolve("course-example.yaml");
    Files.copy(Bundled.DIR.resolve("course-example.yaml"), ex);
    Path out = tmp.resolve("out");
    BuildRequest request = new BuildRequest(List.of(in), out, EnumSet.of(OutputFormat.ADOC),
        EnumSet.allOf(SheetKind.class), Optional.empty(), Optional.empty(), Locale.ENGLISH);
    List<BuildReport> rebuilds = new CopyOnWriteArrayList<>();
    Publisher publisher = new Publisher();
    Watcher watcher = new Watcher(request, publisher);
    try {
      assertThat(watcher.buildAll(BuildListener.NONE).built()).isEqualTo(1);
      Thread thread = new Thread(() -> watcher.run(rebuilds::add));
      thread.start();
      try {
        Files.writeString(ex, Files.readString(ex).replace("fc3: [120,", "fc3: [110,"));
        Path answers = out.resolve("course-example-answers.adoc");
        long deadline = System.nanoTime() + 30_000_000_000L;
        // the report arrives after the files are written: wait for both
        while ((!Files.readString(answers).contains("110·84") || rebuilds.isEmpty())
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(Files.readString(answers)).contains("110·84");
        assertThat(rebuilds).isNotEmpty().allSatisfy(r -> assertThat(r.ok()).isTrue());
      } finally {
        thread.interrupt();
        watcher.close();
        thread.join(10_000);
      }
    } finally {
      watcher.close();
      publisher.close();
    }
  }

  @Test
  void watchesEveryDirectoryBelowTheInput(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("a/b"));
    BuildRequest request = new BuildRequest(List.of(tmp), tmp.resolve("out"),
        EnumSet.of(OutputFormat.ADOC), EnumSet.allOf(SheetKind.class), Optional.empty(),
        Optional.empty(), Locale.ENGLISH);
    try (Publisher publisher = new Publisher(); Watcher watcher = new Watcher(request, publisher)) {
      assertThat(watcher.directories()).contains(tmp, tmp.resolve("a"), tmp.resolve("a/b"));
    }
  }
}
