package io.layerwise.exercise;

import io.layerwise.model.ConnectionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A convolution's partial connection table, in one of two forms: {@code connections}, the input
 * channels each output map sees ({@code [[0, 1, 2], [1, 2, 3], …]}); or {@code connection_table},
 * a 0/1 matrix with one row per input channel and one column per output map, as LeCun et al.
 * (1998) print C3's in Table I (rows as lists of 0 and 1, or strings such as {@code "X...XXX"}).
 */
final class Connections {

  private Connections() {}

  static Optional<ConnectionTable> read(Fields f, long filters, long groups) {
    Optional<Node> lists = f.get("connections");
    Optional<Node> matrix = f.get("connection_table");
    if (lists.isEmpty() && matrix.isEmpty()) {
      return Optional.empty();
    }
    if (lists.isPresent() && matrix.isPresent()) {
      f.error(matrix.get().location(), "give either connections or connection_table, not both");
      return Optional.empty();
    }
    Node given = lists.or(() -> matrix).orElseThrow();
    if (groups != 1) {
      f.error(given.location(), "a connection table replaces groups; leave"
          + " groups out");
      return Optional.empty();
    }
    Optional<ConnectionTable> table = lists.isPresent() ? lists(f, lists.get())
        : matrix(f, matrix.get());
    if (table.isPresent() && table.get().maps().size() != filters) {
      f.error(given.location(), "the connection table describes "
          + table.get().maps().size() + " output maps, but filters is " + filters);
      return Optional.empty();
    }
    return table;
  }

  private static Optional<ConnectionTable> lists(Fields f, Node n) {
    if (!(n instanceof Node.ListNode list) || list.items().isEmpty()) {
      f.error(n.location(), "connections must list, for each output map, the input channels it"
          + " sees, such as [[0, 1, 2], [1, 2, 3]], not " + n.describe());
      return Optional.empty();
    }
    List<List<Long>> maps = new ArrayList<>();
    for (Node item : list.items()) {
      if (!(item instanceof Node.ListNode channels) || channels.items().isEmpty()) {
        f.error(item.location(), "each entry of connections is a non-empty list of input"
            + " channels, such as [0, 1, 2], not " + item.describe());
        return Optional.empty();
      }
      List<Long> seen = new ArrayList<>();
      java.util.Set<Long> distinct = new java.util.HashSet<>();
      for (Node c : channels.items()) {
        long channel = f.integer(c, "connections", 0);
        if (!distinct.add(channel)) {
          f.error(c.location(), "channel " + channel + " is listed twice for map " + maps.size());
          return Optional.empty();
        }
        seen.add(channel);
      }
      maps.add(seen);
    }
    return Optional.of(new ConnectionTable(maps, OptionalLong.empty()));
  }

  private static Optional<ConnectionTable> matrix(Fields f, Node n) {
    if (!(n instanceof Node.ListNode rows) || rows.items().isEmpty()) {
      f.error(n.location(), "connection_table must be a list of rows, one per input channel,"
          + " each with a 1 (or X) for every output map that sees it, not " + n.describe());
      return Optional.empty();
    }
    List<List<Boolean>> marks = new ArrayList<>();
    for (Node row : rows.items()) {
      Optional<List<Boolean>> r = row(f, row);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      if (!marks.isEmpty() && r.get().size() != marks.get(0).size()) {
        f.error(row.location(), "every row of connection_table needs " + marks.get(0).size()
            + " entries, one per output map, but this one has " + r.get().size());
        return Optional.empty();
      }
      marks.add(r.get());
    }
    List<List<Long>> maps = new ArrayList<>();
    for (int j = 0; j < marks.get(0).size(); j++) {
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < marks.size(); i++) {
        if (marks.get(i).get(j)) {
          seen.add((long) i);
        }
      }
      if (seen.isEmpty()) {
        f.error(n.location(), "output map " + j + " sees no input channel in connection_table");
        return Optional.empty();
      }
      maps.add(seen);
    }
    return Optional.of(new ConnectionTable(maps, OptionalLong.of(marks.size())));
  }

  private static Optional<List<Boolean>> row(Fields f, Node row) {
    List<Boolean> out = new ArrayList<>();
    if (row instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
      for (char c : s.text().replace(" ", "").toCharArray()) {
        switch (c) {
          case 'X', 'x', '1' -> out.add(true);
          case '.', '-', '0' -> out.add(false);
          default -> {
            f.error(row.location(), "a row of connection_table marks a connection with X or 1 and"
                + " none with . or 0, not '" + c + "'");
            return Optional.empty();
          }
        }
      }
    } else if (row instanceof Node.ListNode items) {
      for (Node item : items.items()) {
        if (!(item instanceof Node.Scalar v) || !(v.text().equals("0") || v.text().equals("1"))) {
          f.error(item.location(), "a row of connection_table holds 0 or 1, not "
              + item.describe());
          return Optional.empty();
        }
        out.add(v.text().equals("1"));
      }
    } else {
      f.error(row.location(), "a row of connection_table is a list of 0 and 1 or a string such as"
          + " \"X...XX\", not " + row.describe());
      return Optional.empty();
    }
    if (out.isEmpty()) {
      f.error(row.location(), "a row of connection_table is empty");
      return Optional.empty();
    }
    return Optional.of(out);
  }
}
