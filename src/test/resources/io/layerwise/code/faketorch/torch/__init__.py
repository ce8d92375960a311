"""A shape-only stand-in for PyTorch, for testing generated programs where PyTorch is missing.

Tensors carry only their shape. Each module checks its input as PyTorch does (channels,
features, ranks, argument limits), computes the output shape from PyTorch's documented formulas,
and creates its parameters with PyTorch's shapes, so that a generated program either runs and
prints its shape and counts, or fails where the real PyTorch would.
"""
import math
import types

long = "long"


def _prod(values):
    out = 1
    for v in values:
        out *= v
    return out


def _tuple(value, n):
    if isinstance(value, (tuple, list)):
        assert len(value) == n, (value, n)
        return tuple(value)
    return (value,) * n


class Size(tuple):
    def __repr__(self):
        return "torch.Size([" + ", ".join(str(d) for d in self) + "])"


class Tensor:
    def __init__(self, shape):
        assert all(isinstance(d, int) and d > 0 for d in shape), shape
        self.shape = Size(shape)

    def dim(self):
        return len(self.shape)

    def size(self, i=None):
        return self.shape if i is None else self.shape[i]

    def permute(self, *dims):
        assert sorted(dims) == list(range(self.dim())), (dims, self.shape)
        return Tensor([self.shape[d] for d in dims])

    def reshape(self, *dims):
        total = _prod(self.shape)
        known = _prod(d for d in dims if d != -1)
        if -1 in dims:
            assert dims.count(-1) == 1 and total % known == 0, (dims, self.shape)
            dims = [total // known if d == -1 else d for d in dims]
        assert _prod(dims) == total, (dims, self.shape)
        return Tensor(list(dims))

    def __getitem__(self, index):
        index = index if isinstance(index, tuple) else (index,)
        if Ellipsis in index:
            at = index.index(Ellipsis)
            fill = self.dim() - (len(index) - 1)
            index = index[:at] + (slice(None),) * fill + index[at + 1:]
        assert len(index) <= self.dim(), (index, self.shape)
        shape = []
        for i, n in enumerate(self.shape):
            if i >= len(index):
                shape.append(n)
            elif isinstance(index[i], int):
                assert -n <= index[i] < n, (index, self.shape)
            else:
                shape.append(len(range(*index[i].indices(n))))
        return Tensor(shape)

    def _same(self, other):
        if isinstance(other, Tensor):
            assert other.shape == self.shape, (self.shape, other.shape)
        return Tensor(self.shape)

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = _same


def zeros(*shape, dtype=None):
    return Tensor(list(shape))


def _elementwise(x, *args, **kwargs):
    return Tensor(x.shape)


def _along(x, dim):
    assert -x.dim() <= dim < x.dim(), (dim, x.shape)
    return Tensor(x.shape)


relu = sigmoid = tanh = selu = exp = _elementwise
softmax = log_softmax = _along


def maximum(a, b):
    return a._same(b)


def cat(tensors, dim):
    first = tensors[0]
    dim = dim % first.dim()
    for t in tensors:
        assert t.dim() == first.dim(), [t.shape for t in tensors]
        for a in range(first.dim()):
            assert a == dim or t.shape[a] == first.shape[a], [t.shape for t in tensors]
    shape = list(first.shape)
    shape[dim] = sum(t.shape[dim] for t in tensors)
    return Tensor(shape)


class Parameter:
    def __init__(self, *shape):
        self.count = _prod(shape)
        self.requires_grad = True

    def numel(self):
        return self.count


class Module:
    def __init__(self):
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_params", [])

    def __setattr__(self, name, value):
        if isinstance(value, Module):
            assert "_modules" in self.__dict__, "super().__init__() first"
            if hasattr(type(self), name) or name.startswith("_"):
                raise KeyError("attribute '" + name + "' already exists")
            self._modules[name] = value
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        modules = self.__dict__.get("_modules", {})
        if name in modules:
            return modules[name]
        raise AttributeError(name)

    def param(self, *shape):
        self._params.append(Parameter(*shape))

    def parameters(self):
        yield from self._params
        for m in self._modules.values():
            yield from m.parameters()

    def requires_grad_(self, flag=True):
        for p in self.parameters():
            p.requires_grad = flag
        return self

    def eval(self):
        return self

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)


def _spatial(x, n, channels=None):
    assert x.dim() == n + 2, ("expected", n + 2, "axes, got", x.shape)
    if channels is not None:
        assert x.shape[1] == channels, ("channels", channels, x.shape)
    return list(x.shape[2:])


def _conv(n):
    class Conv(Module):
        def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                     dilation=1, groups=1, bias=True):
            super().__init__()
            assert in_channels % groups == 0 and out_channels % groups == 0
            self.k = _tuple(kernel_size, n)
            self.s = _tuple(stride, n)
            self.d = _tuple(dilation, n)
            if padding == "same":
                assert self.s == (1,) * n, "padding='same' needs stride 1"
            self.p = padding if padding == "same" else _tuple(padding, n)
            self.cin = in_channels
            self.cout = out_channels
            self.param(out_channels, in_channels // groups, *self.k)
            if bias:
                self.param(out_channels)

        def forward(self, x):
            sizes = _spatial(x, n, self.cin)
            if self.p == "same":
                out = sizes
            else:
                out = [(L + 2 * p - d * (k - 1) - 1) // s + 1
                       for L, p, d, k, s in zip(sizes, self.p, self.d, self.k, self.s)]
            return Tensor([x.shape[0], self.cout] + out)
    return Conv


def _conv_transpose(n):
    class ConvTranspose(Module):
        def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                     output_padding=0, groups=1, bias=True, dilation=1):
            super().__init__()
            self.k = _tuple(kernel_size, n)
            self.s = _tuple(stride, n)
            self.p = _tuple(padding, n)
            self.op = _tuple(output_padding, n)
            self.d = _tuple(dilation, n)
            for op, s, d in zip(self.op, self.s, self.d):
                assert op < max(s, d), "output padding must be smaller than stride or dilation"
            self.cin = in_channels
            self.cout = out_channels
            self.param(in_channels, out_channels // groups, *self.k)
            if bias:
                self.param(out_channels)

        def forward(self, x):
            sizes = _spatial(x, n, self.cin)
            out = [(L - 1) * s - 2 * p + d * (k - 1) + op + 1
                   for L, s, p, d, k, op in zip(sizes, self.s, self.p, self.d, self.k, self.op)]
            return Tensor([x.shape[0], self.cout] + out)
    return ConvTranspose


def _pool(n, dilated):
    class Pool(Module):
        def __init__(self, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                     count_include_pad=True):
            super().__init__()
            self.k = _tuple(kernel_size, n)
            self.s = _tuple(stride if stride is not None else kernel_size, n)
            self.p = _tuple(padding, n)
            self.d = _tuple(dilation if dilated else 1, n)
            for p, k in zip(self.p, self.k):
                assert 2 * p <= k, "pad should be at most half of kernel size"
            self.ceil = ceil_mode

        def forward(self, x):
            out = []
            for L, k, s, p, d in zip(x.shape[2:], self.k, self.s, self.p, self.d):
                span = L + 2 * p - d * (k - 1) - 1
                o = (span + (s - 1 if self.ceil else 0)) // s + 1
                if self.ceil and (o - 1) * s >= L + p:
                    o -= 1
                out.append(o)
            _spatial(x, n)
            return Tensor(list(x.shape[:2]) + out)
    return Pool


def _adaptive(n):
    class Adaptive(Module):
        def __init__(self, output_size):
            super().__init__()
            sizes = output_size if isinstance(output_size, tuple) else (output_size,) * n
            assert len(sizes) == n and all(o is None or (isinstance(o, int) and o > 0)
                                           for o in sizes), output_size
            self.o = sizes

        def forward(self, x):
            _spatial(x, n)
            return Tensor(list(x.shape[:2]) + [L if o is None else o
                                               for L, o in zip(x.shape[2:], self.o)])
    return Adaptive


def _pad(n):
    class Pad(Module):
        def __init__(self, padding, value=0.0):
            super().__init__()
            self.pads = _tuple(padding, 2 * n)

        def forward(self, x):
            assert x.dim() >= n + 1
            shape = list(x.shape)
            for i in range(n):
                axis = x.dim() - 1 - i
                shape[axis] += self.pads[2 * i] + self.pads[2 * i + 1]
            return Tensor(shape)
    return Pad


def _batch_norm(ranks):
    class BatchNorm(Module):
        def __init__(self, num_features, affine=True):
            super().__init__()
            self.c = num_features
            if affine:
                self.param(num_features)
                self.param(num_features)

        def forward(self, x):
            assert x.dim() in ranks and x.shape[1] == self.c, (self.c, x.shape)
            return Tensor(x.shape)
    return BatchNorm


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.n = in_features
        self.u = out_features
        self.param(out_features, in_features)
        if bias:
            self.param(out_features)

    def forward(self, x):
        assert x.shape[-1] == self.n, (self.n, x.shape)
        return Tensor(list(x.shape[:-1]) + [self.u])


class Flatten(Module):
    def forward(self, x):
        return Tensor([x.shape[0], _prod(x.shape[1:])])


class Identity(Module):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, x):
        return Tensor(x.shape)


class Dropout(Identity):
    def __init__(self, p=0.5):
        super().__init__()
        assert 0 <= p <= 1


class _Along(Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return _along(x, self.dim)


class LayerNorm(Module):
    def __init__(self, normalized_shape, elementwise_affine=True, bias=True):
        super().__init__()
        self.c = tuple(normalized_shape) if isinstance(normalized_shape, (tuple, list)) \
            else (normalized_shape,)
        if elementwise_affine:
            self.param(*self.c)
            if bias:
                self.param(*self.c)

    def forward(self, x):
        assert tuple(x.shape[-len(self.c):]) == self.c, (self.c, x.shape)
        return Tensor(x.shape)


class Upsample(Module):
    def __init__(self, scale_factor, mode="nearest"):
        super().__init__()
        self.scale = scale_factor

    def forward(self, x):
        n = x.dim() - 2
        scale = _tuple(self.scale, n)
        return Tensor(list(x.shape[:2]) + [L * s for L, s in zip(x.shape[2:], scale)])


class Embedding(Module):
    def __init__(self, num_embeddings, embedding_dim):
        super().__init__()
        self.e = embedding_dim
        self.param(num_embeddings, embedding_dim)

    def forward(self, x):
        return Tensor(list(x.shape) + [self.e])


def _recurrent(gates, lstm):
    class Recurrent(Module):
        def __init__(self, input_size, hidden_size, num_layers=1, nonlinearity="tanh", bias=True,
                     batch_first=False, bidirectional=False):
            super().__init__()
            assert nonlinearity in ("tanh", "relu") and (gates == 1 or nonlinearity == "tanh")
            assert batch_first, "the generated code passes batch_first=True"
            self.n = input_size
            self.h = hidden_size
            self.dirs = 2 if bidirectional else 1
            assert isinstance(num_layers, int) and num_layers >= 1
            for layer in range(num_layers):
                self.layer(gates, input_size if layer == 0 else self.dirs * hidden_size, bias)

        def layer(self, gates, input_size, bias):
            hidden_size = self.h
            for _ in range(self.dirs):
                self.param(gates * hidden_size, input_size)
                self.param(gates * hidden_size, hidden_size)
                if bias:
                    self.param(gates * hidden_size)
                    self.param(gates * hidden_size)

        def forward(self, x):
            assert x.dim() == 3 and x.shape[2] == self.n, (self.n, x.shape)
            out = Tensor([x.shape[0], x.shape[1], self.dirs * self.h])
            h = Tensor([self.dirs, x.shape[0], self.h])
            return (out, (h, Tensor(h.shape))) if lstm else (out, h)
    return Recurrent


class MultiheadAttention(Module):
    def __init__(self, embed_dim, num_heads, bias=True, kdim=None, vdim=None, batch_first=False):
        super().__init__()
        assert embed_dim % num_heads == 0 and batch_first
        self.e = embed_dim
        self.kdim = kdim or embed_dim
        self.vdim = vdim or embed_dim
        self.param(embed_dim, embed_dim)
        self.param(embed_dim, self.kdim)
        self.param(embed_dim, self.vdim)
        if bias:
            self.param(3 * embed_dim)
        self.out_proj = Linear(embed_dim, embed_dim, bias=bias)

    def forward(self, query, key, value, need_weights=True):
        assert query.dim() == 3 and query.shape[2] == self.e, query.shape
        assert key.shape[2] == self.kdim and value.shape[2] == self.vdim
        assert key.shape[:2] == value.shape[:2]
        return Tensor(query.shape), None


class Sequential(Module):
    def __init__(self, *modules):
        super().__init__()
        for i, m in enumerate(modules):
            self._modules[str(i)] = m

    def forward(self, x):
        for m in self._modules.values():
            x = m(x)
        return x


def _leaky(x, slope=0.01):
    return Tensor(x.shape)


functional = types.SimpleNamespace(
    relu6=_elementwise, elu=_elementwise, gelu=_elementwise, silu=_elementwise,
    hardswish=_elementwise, softplus=_elementwise, softsign=_elementwise, mish=_elementwise,
    leaky_relu=_leaky)

nn = types.SimpleNamespace(
    Module=Module, functional=functional, Sequential=Sequential, Linear=Linear, Flatten=Flatten,
    Identity=Identity, Dropout=Dropout, LayerNorm=LayerNorm, Upsample=Upsample,
    Embedding=Embedding, MultiheadAttention=MultiheadAttention,
    Conv1d=_conv(1), Conv2d=_conv(2), Conv3d=_conv(3),
    ConvTranspose1d=_conv_transpose(1), ConvTranspose2d=_conv_transpose(2),
    MaxPool1d=_pool(1, True), MaxPool2d=_pool(2, True), MaxPool3d=_pool(3, True),
    AvgPool1d=_pool(1, False), AvgPool2d=_pool(2, False), AvgPool3d=_pool(3, False),
    AdaptiveAvgPool1d=_adaptive(1), AdaptiveAvgPool2d=_adaptive(2),
    AdaptiveMaxPool1d=_adaptive(1), AdaptiveMaxPool2d=_adaptive(2),
    ZeroPad1d=_pad(1), ZeroPad2d=_pad(2), ZeroPad3d=_pad(3),
    ConstantPad1d=_pad(1), ConstantPad2d=_pad(2), ConstantPad3d=_pad(3),
    BatchNorm1d=_batch_norm((2, 3)), BatchNorm2d=_batch_norm((4,)),
    BatchNorm3d=_batch_norm((5,)),
    RNN=_recurrent(1, False), LSTM=_recurrent(4, True), GRU=_recurrent(3, False),
    ReLU=Identity, Sigmoid=Identity, Tanh=Identity, ReLU6=Identity, ELU=Identity,
    SELU=Identity, GELU=Identity, SiLU=Identity, Hardswish=Identity, Softplus=Identity,
    Softsign=Identity, LeakyReLU=Identity, Mish=Identity, Softmax=_Along, LogSoftmax=_Along)
