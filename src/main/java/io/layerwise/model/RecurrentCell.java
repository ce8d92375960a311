package io.layerwise.model;

/** The recurrent cells, by how many gated transforms each step computes. */
public enum RecurrentCell {
  /** One transform: h = tanh(W·x + U·h + b). */
  SIMPLE(1),
  /** Four: input, forget and output gates and the candidate cell. */
  LSTM(4),
  /** Three: update and reset gates and the candidate state. */
  GRU(3);

  private final int gates;

  RecurrentCell(int gates) {
    this.gates = gates;
  }

  public int gates() {
    return gates;
  }

  /** The layer kind of this cell: SimpleRNN, LSTM or GRU (PyTorch: RNN, LSTM, GRU). */
  public LayerType layerType() {
    return switch (this) {
      case SIMPLE -> LayerType.SIMPLE_RNN;
      case LSTM -> LayerType.LSTM;
      case GRU -> LayerType.GRU;
    };
  }
}
