package io.layerwise.render;

import java.util.List;

/**
 * What a sheet template sees: finished, escaped AsciiDoc text only. Templates loop over these and
 * print them; they compute nothing.
 *
 * @param id the exercise id
 * @param title the exercise title
 * @param description the question text as AsciiDoc blocks, or empty
 * @param framework "Keras" or "PyTorch"
 * @param input the input shape as the framework prints it
 * @param inputLine the sentence that introduces the network: its input shape and framework
 * @param variant for a variant, which one, for whom, with which values; else empty
 * @param diagrams the network diagram's pages
 * @param layers one row per layer for the network tables
 * @param questions what the question sheet asks
 * @param answerColumns the column headings of the answer grid on the question sheet
 * @param totals the totals, labelled
 * @param answerTotals the labels of the totals a student fills in on the question sheet
 * @param conventions how things are counted
 * @param pitfalls the mistakes this network gives occasion for
 * @param solutions the derivations, layer by layer
 * @param code the Keras and PyTorch programs that build the network, where they can
 * @param codeNotes what a program leaves out, rewrites or counts differently
 * @param comparisons how the other framework counts this network, and how it compares with the
 *     network it names, each derived
 * @param answerRows the rows of the answer grid: the layers something is asked of
 * @param notAsked what a grid cell prints where nothing is asked of that layer
 * @param askedTotals the totals the sheet asks for, with their values (for the answer key)
 * @param memory the memory of a training step (answer sheets of exercises with {@code
 *     training:}), one or none
 */
public record SheetView(
    String id,
    String title,
    String description,
    String framework,
    String input,
    String inputLine,
    String variant,
    List<Picture> diagrams,
    List<LayerRow> layers,
    List<String> questions,
    List<String> answerColumns,
    List<Labelled> totals,
    List<String> answerTotals,
    List<String> conventions,
    List<String> pitfalls,
    List<LayerSolution> solutions,
    List<CodeBlock> code,
    List<String> codeNotes,
    List<ComparisonView> comparisons,
    List<AnswerRow> answerRows,
    String notAsked,
    List<Labelled> askedTotals,
    List<MemoryView> memory) {

  /**
   * The section on the memory of a training step.
   *
   * @param heading the section heading
   * @param intro batch, format and optimizer, in a sentence
   * @param columns the headings of the per-layer table
   * @param rows one row per layer, a cell per column
   * @param totals one row per part and the sum: label, bytes, MiB, MB
   * @param notes the conventions, FLOPs, and how torchinfo's and Keras' figures relate
   * @param example the sentence that introduces one layer's derivations, as an example of the
   *     table's rows
   * @param exampleSteps that layer's derivations
   * @param totalsLead the sentence that introduces the derivations of the totals
   * @param steps the derivations of the totals
   */
  public record MemoryView(String heading, String intro, List<String> columns,
      List<List<String>> rows, List<List<String>> totals, List<String> notes, String example,
      List<Step> exampleSteps, String totalsLead, List<Step> steps) {}

  /**
   * A row of the answer grid.
   *
   * @param name the layer's name
   * @param asked per column of {@code answerColumns}, whether it is asked of this layer
   * @param answers per column, the answer (for the key), or {@code notAsked}
   */
  public record AnswerRow(String name, List<Boolean> asked, List<String> answers) {}

  /**
   * A program in a listing block.
   *
   * @param title its caption
   * @param delimiter a listing delimiter no line of the source equals
   * @param source the code, verbatim (the block substitutes only special characters)
   * @param counts what the program prints, in words
   */
  public record CodeBlock(String title, String delimiter, String source, String counts) {}

  /**
   * A layer in the tables.
   *
   * @param position 1-based
   * @param name the layer's name
   * @param type its Keras class name
   * @param hyperparameters what defines it, in words
   * @param inputs where its input comes from
   * @param output its output shape as the framework prints it
   * @param params its parameter count
   */
  public record LayerRow(String position, String name, String type, String hyperparameters,
      String inputs, String output, String params) {}

  /** A label and a value. @param label the label @param value the value */
  public record Labelled(String label, String value) {}

  /**
   * The derivations of one layer.
   *
   * @param anchor a section id for cross references
   * @param heading "name (Type)"
   * @param shapes "input → output"
   * @param steps the derivations in order; empty when {@code sameAs} names a layer
   * @param sameAs the anchor of an earlier layer with exactly these derivations, or empty
   * @param sameAsName that layer's name, or empty
   */
  public record LayerSolution(String anchor, String heading, String shapes, List<Step> steps,
      String sameAs, String sameAsName) {}

  /**
   * A section comparing two counts: a heading, a sentence, a table of the groups that differ
   * (possibly empty) and the derivations.
   *
   * @param heading the section heading
   * @param intro what is compared, with the totals
   * @param columns the table's column headings, empty without a table
   * @param rows the table's rows, one cell per column
   * @param steps the derivations
   */
  public record ComparisonView(String heading, String intro, List<String> columns,
      List<List<String>> rows, List<Step> steps) {}

  /**
   * One derivation shown as display math with its explanation: MathML, which the browser
   * typesets as text and the PDF printer from the LaTeX it carries.
   *
   * @param math the equation as one line of MathML ({@code <math display="block">…}), for a
   *     passthrough block
   * @param explanation the one-line why
   */
  public record Step(String math, String explanation) {}

  /**
   * One part of the network diagram.
   *
   * @param file its file name
   * @param alt its alternative text, escaped: what it shows, in words
   */
  public record Picture(String file, String alt) {}
}
