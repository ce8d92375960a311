package io.layerwise.variant;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A class roster for per-student variants: CSV with a header row that has a {@code name} column
 * and, optionally, an {@code id} column (a student number or login, used in file names). Commas
 * or semicolons separate fields; a field may be double-quoted ({@code "Doe, Jane"}).
 */
public final class RosterReader {

  /** The most students a roster may list. */
  public static final int MAX_STUDENTS = 5_000;

  /**
   * One student.
   *
   * @param name as the sheets show it
   * @param id the student's id, if the roster has an {@code id} column
   */
  public record Student(String name, Optional<String> id) {}

  private RosterReader() {}

  /**
   * Reads a roster.
   *
   * @param file the path as the user gave it, for messages
   * @param text the file's content
   * @throws ExerciseException with every problem found
   */
  public static List<Student> read(String file, String text) throws ExerciseException {
    Problems problems = new Problems();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = body.lines().toList();
    int headerLine = 0;
    while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.size()) {
      problems.error(new Location(file, 1, 1), "the roster is empty; it needs a header row"
          + " with a 'name' column (and optionally 'id'), then one row per student");
      throw new ExerciseException(problems.sorted());
    }
    char sep = lines.get(headerLine).indexOf(';') >= 0
        && lines.get(headerLine).indexOf(',') < 0 ? ';' : ',';
    List<String> header = fields(lines.get(headerLine), sep);
    int nameCol = -1;
    int idCol = -1;
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (h.equals("name") || h.equals("student")) {
        nameCol = nameCol < 0 ? i : nameCol;
      } else if (h.equals("id") || h.equals("student_id") || h.equals("login")) {
        idCol = idCol < 0 ? i : idCol;
      }
    }
    if (nameCol < 0) {
      problems.error(new Location(file, headerLine + 1, 1), "the roster's header row needs a"
          + " 'name' column, but it has " + String.join(", ", header));
      throw new ExerciseException(problems.sorted());
    }
    List<Student> students = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int l = headerLine + 1; l < lines.size(); l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(l), sep);
      String name = nameCol < row.size() ? row.get(nameCol).strip() : "";
      Optional<String> id = idCol >= 0 && idCol < row.size() && !row.get(idCol).isBlank()
          ? Optional.of(row.get(idCol).strip()) : Optional.empty();
      Location at = new Location(file, l + 1, 1);
      if (name.isEmpty()) {
        problems.error(at, "row " + (l + 1) + " has no name");
        continue;
      }
      int bad = unprintable(name + id.orElse(""));
      if (bad >= 0) {
        problems.error(at, "the " + (unprintable(name) >= 0 ? "name" : "id") + " in row "
            + (l + 1) + " contains " + String.format(Locale.ROOT, "U+%04X", bad)
            + (Character.isISOControl(bad) ? ", a control character" : ", a noncharacter")
            + "; remove it");
        continue;
      }
      String key = id.orElse(name).toLowerCase(Locale.ROOT);
      if (!ids.add(key)) {
        problems.error(at, (id.isPresent() ? "id '" + id.get() : "name '" + name)
            + "' appears twice in the roster");
        continue;
      }
      students.add(new Student(name, id));
    }
    if (students.size() > MAX_STUDENTS) {
      problems.error(new Location(file, 1, 1), "the roster lists " + students.size()
          + " students; the limit is " + MAX_STUDENTS);
    }
    if (students.isEmpty() && !problems.any()) {
      problems.error(new Location(file, headerLine + 1, 1), "the roster lists no students");
    }
    if (problems.any()) {
      throw new ExerciseException(problems.sorted());
    }
    return List.copyOf(students);
  }

  /**
   * The first code point of a text that a variant file cannot carry: a C0 or C1 control
   * character (U+0000–U+001F, U+007F–U+009F) or a noncharacter (U+FDD0–U+FDEF, U+xxFFFE,
   * U+xxFFFF), or a lone surrogate; -1 when there is none.
   */
  static int unprintable(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
      if (Character.isISOControl(c) || nonCharacter || Character.isSurrogate((char) c)) {
        return c;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /** The fields of one CSV line; double quotes group, {@code ""} is a quote. */
  private static List<String> fields(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
