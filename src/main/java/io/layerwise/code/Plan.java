package io.layerwise.code;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One framework's code for every layer of an exercise, decided in file order: the axis order of
 * each tensor, the permutes between layers that need another, each layer's code or the note why
 * there is none, and what the framework counts for it. Where the exercise follows the other
 * framework, those counts come from the analysis ({@link LayerResult#other()}); the tests check
 * them against the engine's analysis of each rewritten layer under this framework.
 *
 * @param <S> a layer's code in this framework
 */
final class Plan<S> {

  /**
   * A permute in front of a layer's input.
   *
   * @param dims for each new position, the old one (batch axis left out, from 0)
   * @param kerasName the Permute layer's name in Keras code (empty for PyTorch)
   */
  record Permute(List<Integer> dims, String kerasName) {}

  /**
   * One layer's code and counts.
   *
   * @param ctx the layer as it was written
   * @param step its code, or empty when this framework has no exact equivalent
   * @param permutes per input, the permute in front of it, if any
   * @param params what this framework counts
   * @param trainable of which trainable
   */
  record Entry<S>(LayerContext ctx, Optional<S> step, List<Optional<Permute>> permutes,
      long params, long trainable) {

    long nonTrainable() {
      return params - trainable;
    }
  }

  final Analysis analysis;
  final Framework target;
  final Perm input;
  final List<Entry<S>> entries;

  private Plan(Analysis analysis, Framework target, Perm input, List<Entry<S>> entries) {
    this.analysis = analysis;
    this.target = target;
    this.input = input;
    this.entries = List.copyOf(entries);
  }

  /**
   * @param writer the code writer of each layer
   */
  static <S> Plan<S> of(Analysis analysis, Framework target,
      Function<LayerContext, LayerVisitor<Optional<S>>> writer) {
    Network net = analysis.exercise().network();
    Framework source = net.framework();
    Map<String, Perm> perms = new HashMap<>();
    Perm input = inputOrder(analysis, target);
    perms.put(Network.INPUT, input);
    List<String> names = new ArrayList<>(List.of(Network.INPUT));
    net.layers().forEach(n -> names.add(n.name()));
    Python.Names kerasNames = new Python.Names(false, names);
    List<Entry<S>> entries = new ArrayList<>();
    for (LayerResult r : analysis.layers()) {
      LayerNode node = r.node();
      List<Perm> have = node.inputs().stream().map(perms::get).toList();
      List<Perm> need = node.layer().accept(new Needs(source, target, r.inputShapes(), have));
      Perm out = r.output().rank() == r.inputShapes().get(0).rank() ? need.get(0)
          : Perm.identity(r.output().rank());
      LayerContext ctx = new LayerContext(analysis, r, target, have, need, out, kerasNames);
      Optional<S> step = node.layer().accept(writer.apply(ctx));
      long params = 0;
      long trainable = 0;
      List<Optional<Permute>> permutes = new ArrayList<>();
      if (step.isPresent()) {
        params = target == source ? r.params() : r.other().params();
        trainable = target == source ? r.trainable() : r.other().trainable();
        for (int i = 0; i < have.size(); i++) {
          permutes.add(permute(ctx, have.get(i), need.get(i)));
        }
      }
      perms.put(node.name(), out);
      entries.add(new Entry<>(ctx, step, permutes, params, trainable));
    }
    return new Plan<>(analysis, target, input, entries);
  }

  private static Optional<Permute> permute(LayerContext ctx, Perm have, Perm need) {
    if (have.equals(need)) {
      return Optional.empty();
    }
    String name = "";
    if (ctx.target == Framework.KERAS) {
      name = ctx.kerasNames.take(ctx.name() + "_permute");
      ctx.rewritten("rewritten.permute", name);
    }
    return Optional.of(new Permute(need.from(have), name));
  }

  /**
   * The order the program takes its input in: the one the first layer on the input wants (a
   * PyTorch CNN takes its images channels first, whatever the exercise's framework).
   */
  private static Perm inputOrder(Analysis analysis, Framework target) {
    Framework source = analysis.exercise().framework();
    for (LayerResult r : analysis.layers()) {
      int at = r.node().inputs().indexOf(Network.INPUT);
      if (at >= 0) {
        List<Perm> have = r.inputShapes().stream().map(s -> Perm.identity(s.rank())).toList();
        return r.node().layer().accept(new Needs(source, target, r.inputShapes(), have)).get(at);
      }
    }
    return Perm.identity(analysis.exercise().network().input().rank());
  }

  /** Whether every layer has code in this framework. */
  boolean complete() {
    return entries.stream().allMatch(e -> e.step().isPresent());
  }

  long params() {
    return entries.stream().mapToLong(Entry::params).sum();
  }

  long trainable() {
    return entries.stream().mapToLong(Entry::trainable).sum();
  }

  /** Whether the program's input holds indices (an Embedding reads it). */
  boolean integerInput() {
    return entries.stream().anyMatch(e -> e.ctx().node.inputs().contains(Network.INPUT)
        && e.ctx().node.layer().type() == io.layerwise.model.LayerType.EMBEDDING);
  }

  /**
   * The layers whose outputs no layer takes: the model's outputs, in file order.
   */
  List<LayerNode> outputs() {
    java.util.Set<String> taken = new java.util.HashSet<>();
    analysis.exercise().network().layers().forEach(n -> taken.addAll(n.inputs()));
    return analysis.exercise().network().layers().stream()
        .filter(n -> !taken.contains(n.name())).toList();
  }

  /** Whether each layer takes just the one before it (the first, the input). */
  boolean chain() {
    List<LayerNode> layers = analysis.exercise().network().layers();
    for (int i = 0; i < layers.size(); i++) {
      String previous = i == 0 ? Network.INPUT : layers.get(i - 1).name();
      if (!layers.get(i).inputs().equals(List.of(previous))) {
        return false;
      }
    }
    return true;
  }
}
