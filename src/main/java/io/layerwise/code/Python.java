package io.layerwise.code;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python source text: literals, calls and identifiers that are safe whatever a layer is named.
 * Both generated programs are Python, so Keras and PyTorch code share these.
 */
final class Python {

  /**
   * Names a generated identifier must not take: keywords and soft keywords, the builtins and
   * modules the programs use, the programs' own variables, and every attribute of {@code
   * nn.Module}, which a submodule of that name would shadow or fail to replace.
   */
  static final Set<String> RESERVED = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
      "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "type", "_",
      "print", "sum", "float", "int", "list", "len", "range", "super", "object",
      "torch", "nn", "keras", "layers", "self", "x", "inputs", "model",
      "training", "forward", "register_buffer", "register_parameter", "add_module",
      "register_module", "get_submodule", "set_submodule", "get_parameter", "get_buffer",
      "get_extra_state", "set_extra_state", "apply", "cuda", "ipu", "xpu", "mtia", "cpu", "double",
      "half", "bfloat16", "to_empty", "to", "register_full_backward_pre_hook",
      "register_backward_hook", "register_full_backward_hook", "register_forward_pre_hook",
      "register_forward_hook", "state_dict", "register_state_dict_pre_hook",
      "register_state_dict_post_hook", "register_load_state_dict_pre_hook",
      "register_load_state_dict_post_hook", "load_state_dict", "parameters", "named_parameters",
      "buffers", "named_buffers", "children", "named_children", "modules", "named_modules",
      "train", "eval", "requires_grad_", "zero_grad", "share_memory", "extra_repr", "compile",
      "dump_patches", "call_super_init", "T_destination");

  private Python() {}

  /**
   * A valid identifier for a layer name: other characters become {@code _}, a name that starts
   * with a digit or {@code _} gets {@code layer_} in front, a reserved one {@code _} behind:
   * {@code block1-conv} → {@code block1_conv}, {@code 1st} → {@code layer_1st}, {@code class} →
   * {@code class_}.
   */
  static String identifier(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      sb.append(ok ? c : '_');
    }
    String id = sb.toString();
    if (id.isEmpty() || id.charAt(0) == '_' || Character.isDigit(id.charAt(0))) {
      id = "layer_" + id;
    }
    return RESERVED.contains(id) ? id + "_" : id;
  }

  /** A string literal in single quotes. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '\'') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else if ((Character.isSurrogate(c) && !validSurrogate(s, i))
          || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** A tuple of integers: {@code (3, 5)}, {@code (200,)}. */
  static String tuple(List<Long> values) {
    List<String> parts = new ArrayList<>();
    for (long v : values) {
      parts.add(Long.toString(v));
    }
    return tupleOf(parts);
  }

  /** A tuple of Python expressions. */
  static String tupleOf(List<String> parts) {
    return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
  }

  /** One integer when all are equal, as Keras and PyTorch accept for a size per axis. */
  static String intOrTuple(List<Long> values) {
    return values.stream().distinct().count() == 1 ? Long.toString(values.get(0)) : tuple(values);
  }

  static String number(double value) {
    return Double.toString(value);
  }

  /**
   * A call built argument by argument: {@code nn.Conv2d(3, 8, kernel_size=5)}.
   */
  static final class Call {
    private final String callee;
    private final List<String> args = new ArrayList<>();

    Call(String callee) {
      this.callee = callee;
    }

    Call arg(String value) {
      args.add(value);
      return this;
    }

    Call arg(long value) {
      return arg(Long.toString(value));
    }

    Call kw(String name, String value) {
      args.add(name + "=" + value);
      return this;
    }

    Call kw(String name, long value) {
      return kw(name, Long.toString(value));
    }

    Call kwIf(boolean condition, String name, String value) {
      return condition ? kw(name, value) : this;
    }

    @Override
    public String toString() {
      return callee + "(" + String.join(", ", args) + ")";
    }
  }

  /**
   * Hands out names that are unique within one program: a taken name gets a suffix ({@code _1},
   * {@code _2}, … as Keras numbers its layers).
   */
  static final class Names {
    private final Set<String> taken = new HashSet<>();
    private final boolean identifiers;

    /**
     * @param identifiers true for Python identifiers (sanitised, reserved words avoided), false
     *     for Keras layer names (any string)
     * @param taken names already in use
     */
    Names(boolean identifiers, Iterable<String> taken) {
      this.identifiers = identifiers;
      taken.forEach(this.taken::add);
    }

    String take(String wanted) {
      String base = identifiers ? identifier(wanted) : wanted;
      String name = base;
      for (int i = 1; !taken.add(name); i++) {
        name = base + "_" + i;
      }
      return name;
    }
  }
}
