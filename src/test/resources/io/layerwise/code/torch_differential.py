# Builds networks in real PyTorch for TorchDifferentialTest, one process for the whole batch.
#
# argv[1]: a JSON file, a list of networks {"id", "input": [sizes without the batch axis], "tokens": bool,
# "layers": [{"name", "type", "args": {keyword arguments}}]}. Each layer is the module of that
# name in torch.nn, built with those keyword arguments, and called on the previous layer's output
# (recurrent layers and attention return tuples: their first element goes on).
# stdout: one line per network, tab-separated: its id, then for every layer that ran its output
# shape without the batch axis and its parameter count ("3x8x8 224"), then, where PyTorch refused
# to build or to run a layer, "error", that layer's index and PyTorch's message.
import json
import sys
import warnings

import torch
from torch import nn

warnings.simplefilter("ignore")
# Gradients stay enabled, as in training code: PyTorch 1.13's inference fast path of
# MultiheadAttention (no grad, eval, batch_first, self-attention) fails with bias=False.

SEQUENCE_FIRST = ("RNN", "LSTM", "GRU", "MultiheadAttention")


def build(layer):
    """The module; a YAML list stands for the tuple a PyTorch user writes, (2, 2)."""
    args = {k: tuple(v) if isinstance(v, list) else v for k, v in layer["args"].items()}
    return getattr(nn, layer["type"])(**args)


def call(layer, module, x):
    """The module on a batch of one; time-major modules get (L, 1, F) and give back (1, L, F)."""
    time_major = layer["type"] in SEQUENCE_FIRST and not layer["args"].get("batch_first", False)
    if time_major:
        x = x.transpose(0, 1)
    if layer["type"] == "MultiheadAttention":
        y = module(x, x, x)
    else:
        y = module(x)
    if isinstance(y, tuple):
        y = y[0]
    return y.transpose(0, 1) if time_major else y


def run(net):
    result = {"id": net["id"], "layers": [], "error": None}
    modules = []
    for i, layer in enumerate(net["layers"]):
        try:
            modules.append(build(layer))
        except Exception as e:  # PyTorch refuses the constructor's arguments
            result["error"] = {"layer": i, "message": type(e).__name__ + ": " + str(e)}
            return result
    shapes = {}
    for i, m in enumerate(modules):
        m.eval()
        m.register_forward_hook(lambda mod, args, out, i=i: shapes.__setitem__(
            i, list((out[0] if isinstance(out, tuple) else out).shape)))
    if net.get("tokens"):
        x = torch.zeros([1] + net["input"], dtype=torch.long)
    else:
        x = torch.zeros([1] + net["input"])
    for i, (layer, m) in enumerate(zip(net["layers"], modules)):
        try:
            x = call(layer, m, x)
        except Exception as e:  # PyTorch refuses the input
            result["error"] = {"layer": i, "message": type(e).__name__ + ": " + str(e)}
            return result
        shape = list(x.shape)
        if 0 in shape:  # PyTorch 1.13's max_pool1d returns an empty output instead of raising
            result["error"] = {"layer": i, "message": "an empty output %s" % shape}
            return result
        if layer["type"] not in SEQUENCE_FIRST and shapes.get(i) != shape:
            raise AssertionError("hook and output disagree: %s %s" % (shapes.get(i), shape))
        result["layers"].append({"shape": shape[1:],
                                 "params": sum(p.numel() for p in m.parameters())})
    return result


with open(sys.argv[1], encoding="utf-8") as f:
    NETS = json.load(f)
for net in NETS:
    r = run(net)
    fields = [r["id"]] + ["%s %d" % ("x".join(map(str, l["shape"])), l["params"])
                          for l in r["layers"]]
    if r["error"]:
        fields += ["error", str(r["error"]["layer"]),
                   " ".join(r["error"]["message"].split())]
    print("\t".join(fields), flush=True)
