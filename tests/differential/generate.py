#!/usr/bin/env python3
"""Randomised differential data for arrsh's strided runtime, recorded from real NumPy.

Usage (from the repository root; needs NumPy, nothing else):

    python3 tests/differential/generate.py > tests/differential/chains.txt
    python3 tests/differential/generate.py --records > tests/differential/records.txt

`--records` draws chains over structured dtypes instead (RECORD_SEED, RECORD_CHAINS): field
access `x['b']` (a strided view at the field's offset), multi-field views, basic indexing,
transposes, copies and views as bytes, so offsets, strides and bytes of record views are
checked against NumPy too.

Draws CHAINS random chains of array operations with a fixed SEED and records, after the
root and after every step, what NumPy says: dtype, shape, strides, byte offset into the
memory owner, OWNDATA / C_CONTIGUOUS / F_CONTIGUOUS / WRITEABLE and the element bytes
(or the exception type and message). `tests/differential.rs` replays every chain through
arrsh and compares every fact. Change SEED or CHAINS only on purpose; the header of the
data file names both, so anyone can reproduce it.

Format (one fact per line, `#` lines are comments):

    @ <root expression>          a new chain: x = <root expression>
    > <expression>               a step: x = <expression> (x is unchanged after an error)
    = DTYPE SHAPE STRIDES OFFSET FLAGS BYTES
                                 x is an array. SHAPE/STRIDES are comma lists (`-` for 0-d),
                                 OFFSET is x's data pointer minus its memory owner's, FLAGS is
                                 four letters (O/o owndata, C/c, F/f, W/w writeable), BYTES is
                                 x.tobytes() in hex when at most 16 bytes, else `#` and its
                                 64-bit FNV-1a hash in hex.
    $ DTYPE BYTES                the step gave a NumPy scalar (the chain ends there)
    ! Type: message              the step raised
"""

import random
import sys

import numpy as np
from numpy.lib.stride_tricks import as_strided

SEED = 20260801
CHAINS = 2000

DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32',
          'uint64', 'float16', 'float32', 'float64', 'S1', 'S2', 'S3', 'S5', 'S8']


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def owner(a):
    """The ndarray that owns a's memory (through as_strided's DummyArray too)."""
    while a.base is not None:
        b = a.base
        if isinstance(b, np.ndarray):
            a = b
        elif isinstance(getattr(b, 'base', None), np.ndarray):
            a = b.base
        else:
            break
    return a


def data_ptr(a):
    return a.__array_interface__['data'][0]


def offset_of(a):
    return data_ptr(a) - data_ptr(owner(a))


def ints(xs):
    return ','.join(str(int(v)) for v in xs) if len(xs) else '-'


def value_text(raw):
    return raw.hex() if len(raw) <= 16 else '#%016x' % fnv1a64(raw)


def facts(x):
    if isinstance(x, np.generic):
        return '$ %s %s' % (x.dtype.str, value_text(np.array(x).tobytes()))
    flags = ''.join([
        'O' if x.flags.owndata else 'o',
        'C' if x.flags.c_contiguous else 'c',
        'F' if x.flags.f_contiguous else 'f',
        'W' if x.flags.writeable else 'w',
    ])
    return '= %s %s %s %d %s %s' % (x.dtype.str, ints(x.shape), ints(x.strides),
                                     offset_of(x), flags, value_text(x.tobytes()))


def tup(xs):
    xs = list(xs)
    if len(xs) == 1:
        return '(%d,)' % xs[0]
    return '(' + ', '.join(str(v) for v in xs) + ')'


class Gen:
    def __init__(self, rng):
        self.r = rng

    # ---------------------------------------------------------------- roots

    def shape(self):
        r = self.r
        nd = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
        shape = []
        for _ in range(nd):
            shape.append(r.choice([0] if r.random() < 0.06 else [1, 2, 2, 3, 3, 4, 5, 6]))
        while np.prod(shape) > 72:
            shape[r.randrange(nd)] = 1
        return shape

    def root(self):
        r = self.r
        dt = r.choice(DTYPES)
        shape = self.shape()
        itemsize = np.dtype(dt).itemsize
        n = int(np.prod(shape)) * itemsize
        order = r.choice(['', '', '', "order='F'"])
        text = "np.arange(%d, dtype='uint8').view('%s').reshape(%s).copy(%s)" % (
            n, dt, tup(shape), order)
        return text

    # ---------------------------------------------------------------- steps

    def idx_int(self, n):
        r = self.r
        if r.random() < 0.08:
            return r.choice([n, -n - 1, n + 3])  # out of range
        if n == 0:
            return 0
        return r.randrange(-n, n)

    def slice_text(self, n):
        r = self.r

        def bound():
            c = r.random()
            if c < 0.3:
                return ''
            if c < 0.85:
                return str(r.randint(-n - 1, n + 1))
            return str(r.choice([-100, 100, n + 5, -n - 5]))

        start, stop = bound(), bound()
        c = r.random()
        if c < 0.35:
            step = None
        elif c < 0.98:
            step = r.choice([1, 2, 3, -1, -1, -2, -3, 5, -7])
        else:
            step = 0
        if step is None:
            return '%s:%s' % (start, stop)
        return '%s:%s:%d' % (start, stop, step)

    def basic_index(self, x):
        r = self.r
        items = []
        axes = list(x.shape)
        used = 0
        ellipsis = False
        while used < len(axes) or (r.random() < 0.15 and len(items) < 5):
            c = r.random()
            if c < 0.1 and not ellipsis:
                items.append('...')
                ellipsis = True
                # the ellipsis eats a random number of the remaining axes
                used = len(axes) - r.randint(0, len(axes) - used) if used < len(axes) else used
            elif c < 0.2:
                items.append('None')
            elif used < len(axes) and c < 0.45 and (axes[used] > 0 or c < 0.22):
                items.append(str(self.idx_int(axes[used])))
                used += 1
            elif used < len(axes):
                items.append(self.slice_text(axes[used]))
                used += 1
            else:
                break
            if r.random() < 0.2:
                break  # leave trailing axes implicit
        if r.random() < 0.03:
            items.append('0')  # possibly too many indices
        if not items:
            return 'x[()]' if r.random() < 0.5 else 'x[...]'
        return 'x[%s]' % ', '.join(items)

    def fancy_index(self, x):
        r = self.r
        if x.ndim == 0:
            return 'x[[0]]'

        def arr(n, k):
            vals = [self.idx_int(n) for _ in range(k)]
            return '[%s]' % ', '.join(str(v) for v in vals)

        c = r.random()
        n0 = x.shape[0]
        if c < 0.35:
            return 'x[%s]' % arr(n0, r.randint(0, 4))
        if c < 0.5 and x.ndim >= 2:
            return 'x[:, %s]' % arr(x.shape[1], r.randint(1, 3))
        if c < 0.6 and x.ndim >= 2:
            return 'x[%s, %s]' % (arr(n0, 2), arr(x.shape[1], r.choice([1, 2, 3])))
        if c < 0.7 and x.ndim >= 3:
            return 'x[%s, :, %s]' % (arr(n0, 2), arr(x.shape[2], 2))
        if c < 0.8:
            rows = r.randint(1, 2)
            return 'x[..., [%s]]' % ', '.join(arr(x.shape[-1], 2) for _ in range(rows))
        if c < 0.9:
            mask = [r.random() < 0.5 for _ in range(n0)]
            if r.random() < 0.1:
                mask.append(True)  # wrong length
            return 'x[[%s]]' % ', '.join(str(m) for m in mask)
        if x.ndim >= 2:
            return 'x[1:, %s]' % arr(x.shape[1], 2)
        return 'x[%s]' % arr(n0, 1)

    def view_dtype(self, x):
        return "x.view('%s')" % self.r.choice(DTYPES)

    def factor_shape(self, size):
        r = self.r
        if size == 0:
            shape = [r.choice([0, 1, 2, 3]) for _ in range(r.randint(1, 3))]
            if 0 not in shape:
                shape[0] = 0
            return shape
        shape = []
        rest = size
        for _ in range(r.randint(0, 3)):
            divs = [d for d in range(1, rest + 1) if rest % d == 0]
            d = r.choice(divs)
            shape.append(d)
            rest //= d
        shape.append(rest)
        if r.random() < 0.3:
            shape.insert(r.randrange(len(shape) + 1), 1)
        if len(shape) > 1 and r.random() < 0.15:
            shape = [s for s in shape]
        return shape

    def reshape(self, x):
        r = self.r
        shape = self.factor_shape(x.size)
        if x.size > 0 and r.random() < 0.3:
            shape[r.randrange(len(shape))] = -1
        if r.random() < 0.06:
            shape[0] += 1  # wrong size
        order = r.choice(['', '', '', "order='C'", "order='F'", "order='F'", "order='A'"])
        if r.random() < 0.2 and not order:
            return 'x.reshape(%s)' % ', '.join(str(s) for s in shape) if shape else 'x.reshape(())'
        args = tup(shape)
        return 'x.reshape(%s%s)' % (args, ', ' + order if order else '')

    def transpose(self, x):
        r = self.r
        c = r.random()
        if c < 0.35:
            return 'x.T'
        if c < 0.7:
            perm = list(range(x.ndim))
            r.shuffle(perm)
            if r.random() < 0.1 and perm:
                perm[0] = perm[-1]  # repeated axis
            if r.random() < 0.5:
                perm = [p - x.ndim if r.random() < 0.3 else p for p in perm]
            return 'x.transpose(%s)' % tup(perm) if perm else 'x.transpose()'
        if x.ndim == 0:
            return 'x.swapaxes(0, 0)'
        a, b = r.randrange(-x.ndim, x.ndim), r.randrange(-x.ndim, x.ndim)
        if c < 0.85:
            return 'x.swapaxes(%d, %d)' % (a, b)
        return 'np.moveaxis(x, %d, %d)' % (a, b)

    def as_strided(self, x):
        r = self.r
        own = owner(x)
        limit = own.nbytes
        off = offset_of(x)
        isz = x.itemsize
        for _ in range(200):
            nd = r.choice([0, 1, 1, 2, 2, 3])
            shape = [r.choice([0, 1, 2, 2, 3, 3, 4, 5]) if r.random() > 0.03 else 0
                     for _ in range(nd)]
            strides = []
            for _ in range(nd):
                if r.random() < 0.8:
                    strides.append(isz * r.randint(-4, 4))
                else:
                    strides.append(r.randint(-20, 20))
            if 0 in shape:
                break
            lo = off + sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
            hi = off + sum(max(0, (n - 1) * s) for n, s in zip(shape, strides)) + isz
            if lo >= 0 and hi <= limit:
                break
        else:
            return 'x.view()'
        return 'as_strided(x, shape=%s, strides=%s)' % (tup(shape), tup(strides))

    def copy(self, x):
        r = self.r
        c = r.random()
        if c < 0.15:
            return 'x.copy()'
        if c < 0.75:
            return "x.copy(order='%s')" % r.choice('CFAK')
        if c < 0.85:
            return 'np.copy(x)'
        if c < 0.9:
            return 'np.ascontiguousarray(x)'
        if c < 0.95:
            return 'np.asfortranarray(x)'
        return "np.array(x, order='%s')" % r.choice('CFAK')

    def ravel(self, x):
        r = self.r
        c = r.random()
        if c < 0.2:
            return 'x.ravel()'
        if c < 0.75:
            return "x.ravel(order='%s')" % r.choice('CFAK')
        if c < 0.9:
            return "x.flatten(order='%s')" % r.choice('CFAK')
        return "np.ravel(x, order='%s')" % r.choice('CFAK')

    def other(self, x):
        r = self.r
        c = r.random()
        if c < 0.4:
            if r.random() < 0.5 or x.ndim == 0:
                return 'x.squeeze()'
            return 'x.squeeze(%d)' % r.randrange(-x.ndim, x.ndim)
        if c < 0.7:
            return 'np.expand_dims(x, %d)' % r.randint(-x.ndim - 1, x.ndim)
        if c < 0.85:
            return 'x[np.newaxis]'
        return 'np.broadcast_to(x, %s)' % tup([2] + list(x.shape))

    def step(self, x):
        r = self.r
        ops = [
            (26, self.basic_index),
            (10, self.fancy_index),
            (14, self.view_dtype),
            (14, self.reshape),
            (10, self.transpose),
            (9, self.as_strided),
            (8, self.copy),
            (5, self.ravel),
            (4, self.other),
        ]
        total = sum(w for w, _ in ops)
        pick = r.uniform(0, total)
        for w, f in ops:
            pick -= w
            if pick <= 0:
                return f(x)
        return ops[-1][1](x)


RECORD_SEED = 20261202
RECORD_CHAINS = 300

# structured dtypes without gaps (packed, subarray, nested, out-of-order offsets): NumPy copies
# a struct field by field, so the bytes of a gap (align=True padding, multi-field views) in a
# copy are uninitialised memory that no data file can record
RECORD_DTYPES = [
    "[('a', '<i4'), ('b', '<f8')]",
    "[('a', 'u1'), ('b', '<i2'), ('c', 'S3')]",
    "[('p', '<f4', (2,)), ('q', 'u1')]",
    "[('p', [('x', 'u1'), ('y', '<i2')]), ('z', '<u2')]",
    "{'names': ['a', 'b'], 'formats': ['<u2', 'u1'], 'offsets': [1, 0], 'itemsize': 3}",
]


class RecordGen(Gen):
    def root(self):
        r = self.r
        self.dt_text = r.choice(RECORD_DTYPES)
        dt = np.dtype(eval(self.dt_text, {'np': np}))
        shape = self.shape()
        n = int(np.prod(shape)) * dt.itemsize
        return "np.arange(%d, dtype='uint8').view(%s).reshape(%s)" % (
            n, self.dt_text, tup(shape))

    def field(self, x):
        r = self.r
        names = x.dtype.names
        if not names:
            return self.basic_index(x)
        if r.random() < 0.1:
            return "x['nope']"
        return 'x[%r]' % r.choice(names)

    def as_bytes(self, x):
        return r_choice(self.r, ["x.view('u1')", "x.view('V%d')" % x.dtype.itemsize])

    def step(self, x):
        r = self.r
        ops = [
            (30, self.field),
            (24, self.basic_index),
            (10, self.transpose),
            (8, self.as_bytes),
            (5, self.reshape),
        ]
        total = sum(w for w, _ in ops)
        pick = r.uniform(0, total)
        for w, f in ops:
            pick -= w
            if pick <= 0:
                return f(x)
        return ops[-1][1](x)


def r_choice(r, xs):
    return r.choice(xs)


def main():
    records = '--records' in sys.argv[1:]
    rng = random.Random(RECORD_SEED if records else SEED)
    g = RecordGen(rng) if records else Gen(rng)
    chains = RECORD_CHAINS if records else CHAINS
    env = {'np': np, 'as_strided': as_strided}
    out = sys.stdout
    out.write('# arrsh differential chains: written by tests/differential/generate.py\n')
    out.write('# seed %d, %d chains, numpy %s; regenerate with\n' % (
        RECORD_SEED if records else SEED, chains, np.__version__))
    if records:
        out.write('#   python3 tests/differential/generate.py --records > tests/differential/records.txt\n')
    else:
        out.write('#   python3 tests/differential/generate.py > tests/differential/chains.txt\n')
    for _ in range(chains):
        root = g.root()
        x = eval(root, env)
        out.write('@ %s\n%s\n' % (root, facts(x)))
        for _ in range(rng.choice([1, 2, 3, 3, 4, 4, 5])):
            expr = g.step(x)
            out.write('> %s\n' % expr)
            try:
                with np.errstate(all='ignore'):
                    y = eval(expr, dict(env, x=x))
            except Exception as e:  # the message is part of the data
                msg = str(e).replace('\n', '\\n')
                out.write('! %s: %s\n' % (type(e).__name__, msg))
                continue
            out.write(facts(y) + '\n')
            if isinstance(y, np.generic):
                break
            x = y


if __name__ == '__main__':
    main()
