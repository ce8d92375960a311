package io.layerwise.variant;

import io.layerwise.Layerwise;
import io.layerwise.build.OutputFiles;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.engine.Analysis;
import io.layerwise.exercise.ParsedExercise;
import io.layerwise.variant.RosterReader.Student;
import io.layerwise.exercise.Variation;
import io.layerwise.model.Variant;
import io.layerwise.publish.AtomicFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per-student variants of an exercise that declares {@code vary:}: distinct combinations of its
 * choices, each checked by the engine (a combination that makes the network invalid is never
 * emitted), drawn reproducibly from a seed, each written as a complete exercise file.
 */
public final class Variants {

  /** Up to this many combinations, all are checked, so that "only K exist" is exact. */
  static final int ENUMERATE = 20_000;

  /** The most variants one call makes. */
  public static final int MAX_COUNT = 5_000;

  /** How long the draws of one {@code variants} run may take. */
  static final Duration BUDGET = Duration.ofSeconds(60);

  /**
   * One variant.
   *
   * @param fileName {@code <id>.yaml}
   * @param yaml the complete exercise file
   * @param analysis the variant, analysed
   */
  public record VariantFile(String fileName, String yaml, Analysis analysis) {}

  /**
   * A set of variants.
   *
   * @param of the id of the varied exercise
   * @param combinations how many combinations of choices there are
   * @param checked how many of them were checked
   * @param valid how many of those make a valid network
   * @param files the variants, in order
   * @param report what the set's answers look like to a teacher, computed once
   */
  public record VariantSet(String of, BigInteger combinations, long checked, long valid,
      List<VariantFile> files, VariantReport report) {}

  private Variants() {}

  /**
   * Draws variants.
   *
   * @param exercise the exercise file, which must declare {@code vary:}
   * @param count how many; with a roster, empty means one per student
   * @param seed the same seed gives the same files, byte for byte
   * @param roster a class list: files are then named after the students
   * @throws ExerciseException for a broken file or roster, and when fewer than {@code count}
   *     distinct valid variants exist (the message says how many)
   */
  public static VariantSet generate(Path exercise, Optional<Integer> count, long seed,
      Optional<Path> roster) throws ExerciseException {
    return generate(exercise, count, seed, roster, BUDGET);
  }

  /** {@link #generate}, with the time the draws may take. */
  static VariantSet generate(Path exercise, Optional<Integer> count, long seed,
      Optional<Path> roster, Duration budget) throws ExerciseException {
    return generate(exercise, count, seed, roster, budget, System::nanoTime);
  }

  /** {@link #generate}, with the time the draws may take and the clock that measures it. */
  static VariantSet generate(Path exercise, Optional<Integer> count, long seed,
      Optional<Path> roster, Duration budget, LongSupplier clock) throws ExerciseException {
    String file = exercise.toString();
    String text = Layerwise.read(exercise);
    Analysis base = Layerwise.explain(file, text);
    Variation variation = Variation.of(file, text).orElseThrow(() -> new ExerciseException(
        List.of(Diagnostic.error(new Location(file, 1, 1), "the exercise declares no 'vary:'"
            + " section, so it has no variants; add one, such as vary: {size: [28, 32]}, and"
            + " write $size where the value goes"))));
    List<Student> students = List.of();
    if (roster.isPresent()) {
      students = RosterReader.read(roster.get().toString(), Layerwise.read(roster.get()));
    }
    int n = count.orElse(students.size());
    if (roster.isPresent() && count.isPresent() && count.get() != students.size()) {
      throw variation.problem("--count " + count.get() + " does not match the roster's "
          + students.size() + " students; leave --count out to make one variant per student");
    }
    if (n < 1 || n > MAX_COUNT) {
      throw variation.problem("the number of variants must be from 1 to " + MAX_COUNT + ", not "
          + n);
    }
    String of = base.exercise().id();
    Drawn drawn = draw(variation, n, seed, of, budget, clock);
    List<VariantFile> files = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Diagnosis> diagnoses = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int width = Integer.toString(n).length();
    for (int i = 0; i < n; i++) {
      int[] choice = drawn.choices().get(i);
      Optional<String> student = students.isEmpty() ? Optional.empty()
          : Optional.of(students.get(i).name());
      String suffix = students.isEmpty()
          ? "v" + "0".repeat(width - Integer.toString(i + 1).length()) + (i + 1)
          : slug(students.get(i).id().orElse(students.get(i).name()), i + 1);
      String id = of + "-" + suffix;
      while (!names.add(id)) {
        id = id + "-" + (i + 1);
      }
      Variant v = new Variant(of, i + 1, seed, student, variation.values(choice));
      String yaml = header(v) + variation.yaml(choice, id, v);
      String name = id + ".yaml";
      Analysis analysis;
      try {
        analysis = Layerwise.explain(name, yaml);
      } catch (ExerciseException e) {
        throw new IllegalStateException("variant " + name + " does not read back: "
            + e.getMessage(), e);
      }
      files.add(new VariantFile(name, yaml, analysis));
      labels.add(suffix);
      diagnoses.add(Diagnosis.of(analysis));
    }
    return new VariantSet(of, variation.combinations(), drawn.checked(), drawn.valid(),
        List.copyOf(files), VariantReport.of(labels, diagnoses));
  }

  /**
   * Writes the variants into a directory, each atomically, and removes the files of an earlier
   * set of the same exercise that this set no longer has.
   *
   * @return the files written
   */
  public static List<Path> write(VariantSet set, Path dir) throws ExerciseException {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Set<String> names = set.files().stream().map(VariantFile::fileName)
          .collect(Collectors.toSet());
      for (VariantFile f : set.files()) {
        Path target = OutputFiles.inside(dir, f.fileName());
        AtomicFiles.write(target, f.yaml().getBytes(StandardCharsets.UTF_8));
        written.add(target);
      }
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.filter(p -> stale(p, set.of(), names)).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new ExerciseException(List.of(Diagnostic.error(Location.ofFile(dir.toString()),
          "cannot write the variants: " + e.getMessage())));
    }
    return written;
  }

  private static boolean stale(Path p, String of, Set<String> keep) {
    String name = p.getFileName().toString();
    if (!name.startsWith(of + "-") || !name.endsWith(".yaml") || keep.contains(name)
        || !Files.isRegularFile(p)) {
      return false;
    }
    try {
      String text = Files.readString(p);
      return text.contains("\nvariant:\n  of: " + of + "\n");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The chosen combinations and what it took to find them.
   *
   * @param choices one choice index per parameter, per variant
   * @param checked combinations checked
   * @param valid valid among them
   */
  private record Drawn(List<int[]> choices, long checked, long valid) {}

  /**
   * Draws {@code n} valid combinations, checking each by reading and analysing the variant
   * (milliseconds for a large network): at most {@code 50·n + 1000} draws and until the deadline,
   * so that a space of almost only invalid choices cannot hold the CPU for half an hour; and
   * stops as soon as the draws so far show that {@code n} cannot be reached ({@link Outlook}).
   * A space of up to {@link #ENUMERATE} combinations is checked whole, in a seeded random order
   * (so that what the first draws say holds for the rest); the valid ones are then shuffled in
   * the order of their numbers, so the files do not depend on that order.
   */
  private static Drawn draw(Variation variation, int n, long seed, String of, Duration budget,
      LongSupplier clock) throws ExerciseException {
    long start = clock.getAsLong();
    Budget time = new Budget(start, start + budget.toNanos(), budget);
    Pace pace = new Pace(start);
    BigInteger total = variation.combinations();
    Random random = new Random(seed);
    List<int[]> valid = new ArrayList<>();
    Optional<String> firstInvalid = Optional.empty();
    long checked = 0;
    if (total.compareTo(BigInteger.valueOf(ENUMERATE)) <= 0) {
      int size = total.intValueExact();
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Random visit = new Random(seed ^ ORDER);
      for (int i = size - 1; i > 0; i--) {
        int j = visit.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      boolean[] isValid = new boolean[size];
      int found = 0;
      int firstBad = Integer.MAX_VALUE;
      for (int index : order) {
        int[] choice = variation.combination(BigInteger.valueOf(index));
        long now = clock.getAsLong();
        outOfTime(variation, time, now, found, checked, n);
        refuseIfHopeless(variation, time, pace.at(now), checked, found, n, size, firstInvalid);
        checked++;
        Optional<String> problem = problem(variation, choice, of);
        if (problem.isEmpty()) {
          isValid[index] = true;
          found++;
        } else if (index < firstBad) {
          firstBad = index;
          firstInvalid = Optional.of(describe(variation, choice) + ": " + problem.get());
        }
      }
      for (int i = 0; i < size; i++) {
        if (isValid[i]) {
          valid.add(variation.combination(BigInteger.valueOf(i)));
        }
      }
      if (valid.size() < n) {
        throw variation.problem("only " + valid.size() + " distinct valid variants exist, not "
            + n + ": of the " + total + " combinations of choices, " + (total.intValueExact()
                - valid.size()) + " make an invalid network" + firstInvalid.map(s -> " (e.g. "
                    + s + ")").orElse("") + "; add choices to 'vary:' or ask for fewer");
      }
      // Fisher–Yates with java.util.Random, whose sequence is fixed by its specification.
      for (int i = valid.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int[] t = valid.get(i);
        valid.set(i, valid.get(j));
        valid.set(j, t);
      }
      return new Drawn(List.copyOf(valid.subList(0, n)), checked, valid.size());
    }
    Set<BigInteger> seen = new LinkedHashSet<>();
    long limit = 50L * n + 1000;
    int validCount = 0;
    while (valid.size() < n && checked < limit) {
      BigInteger index;
      do {
        index = new BigInteger(total.bitLength(), random);
      } while (index.compareTo(total) >= 0);
      if (!seen.add(index)) {
        continue;
      }
      long now = clock.getAsLong();
      outOfTime(variation, time, now, valid.size(), checked, n);
      refuseIfHopeless(variation, time, pace.at(now), checked, validCount, n, limit,
          firstInvalid);
      checked++;
      int[] choice = variation.combination(index);
      Optional<String> problem = problem(variation, choice, of);
      if (problem.isEmpty()) {
        valid.add(choice);
        validCount++;
      } else if (firstInvalid.isEmpty()) {
        firstInvalid = Optional.of(describe(variation, choice) + ": " + problem.get());
      }
    }
    if (valid.size() < n) {
      throw variation.problem("found only " + valid.size() + " valid variants in " + checked
          + " random draws from " + total + " combinations of choices, not " + n
          + firstInvalid.map(s -> " (e.g. " + s + ")").orElse("")
          + "; widen the choices in 'vary:' or ask for fewer");
    }
    return new Drawn(List.copyOf(valid), checked, validCount);
  }

  /** Mixed into the seed of the order a small space is checked in (not the draw's own seed). */
  private static final long ORDER = 0x6C61_7965_7277_6973L;

  /**
   * When the draws must stop, and the budget that says so.
   *
   * @param start when they started, on their clock
   * @param deadline when they must stop
   * @param given the budget
   */
  private record Budget(long start, long deadline, Duration given) {}

  /** Stops the draws when their time is up, saying what they found. */
  private static void outOfTime(Variation variation, Budget time, long now, int found,
      long checked, int n) throws ExerciseException {
    if (now - time.deadline() > 0) {
      throw variation.problem("found only " + found + " valid variants in " + checked
          + " draws (not " + n + "; the draws stopped after their budget of "
          + time.given().toSeconds() + " s, each one reading and analysing the whole network);"
          + " widen the choices or lower --count");
    }
  }

  /** Stops the draws when those so far show that {@code n} valid ones are out of reach. */
  private static void refuseIfHopeless(Variation variation, Budget time, Pace.Now now,
      long checked, long found, int n, long limit, Optional<String> invalid)
      throws ExerciseException {
    Outlook outlook = new Outlook(checked, found, n, Outlook.drawsLeft(checked, limit,
        now.nanosPerDraw(), time.deadline() - now.nanos()));
    if (outlook.hopeless()) {
      throw variation.problem(outlook.message(time.given().toSeconds(),
          (now.nanos() - time.start()) / 1e9, invalid));
    }
  }

  /** Why a combination makes no valid exercise, or empty when it makes one. */
  private static Optional<String> problem(Variation variation, int[] choice, String of) {
    Variant probe = new Variant(of, 1, 0, Optional.empty(), Map.of());
    try {
      ParsedExercise parsed = variation.read(choice, of + "-probe", probe);
      return Layerwise.problem(parsed.exercise());
    } catch (ExerciseException e) {
      return Optional.of(e.diagnostics().get(0).message());
    }
  }

  private static String describe(Variation variation, int[] choice) {
    return variation.values(choice).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String header(Variant v) {
    String values = v.values().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining(", "));
    return "# Variant " + v.number() + " of " + v.of() + " (seed " + v.seed() + ")"
        + v.student().map(s -> " for " + oneLine(s)).orElse("") + ": " + oneLine(values) + ".\n"
        + "# Written by 'layerwise variants'; change the original exercise, not this file.\n";
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
  }

  /** A file-name part from a student's id or name: {@code Jürgen O'Neil} → {@code jurgen-o-neil}. */
  static String slug(String s, int number) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "student-" + number : slug;
  }
}
