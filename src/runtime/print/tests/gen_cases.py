"""Writes cases.jsonl: numpy's own repr/str of each case, for the printer's table-driven tests.

Run from the repository root with the numpy the expectations should come from (2.4.6 here):
    python3 src/runtime/print/tests/gen_cases.py > src/runtime/print/tests/cases.jsonl
The Rust tests never run Python; they read the data this script wrote. One JSON object per line,
`"case"` saying which table it belongs to ("array", "scalar" or "float_scalar"); the fields are
read by `mod.rs`. Non-finite floats are the strings "nan", "inf" and "-inf".
"""
import json
import math
import sys

import numpy as np

BASE = dict(legacy='1.25')
FLOATMODES = dict(fixed='Fixed', unique='Unique', maxprec='MaxPrec', maxprec_equal='MaxPrecEqual')


def js_f64(x):
    x = float(x)
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    return x


def js_values(a):
    flat = a.reshape(-1)
    k = a.dtype.kind
    if k == 'b':
        return {'bool': [bool(v) for v in flat]}
    if k == 'i':
        return {'int': [int(v) for v in flat]}
    if k == 'u':
        return {'uint': [int(v) for v in flat]}
    if k == 'f':
        return {'float': [js_f64(v) for v in flat]}
    if k == 'c':
        return {'complex': [[js_f64(v.real), js_f64(v.imag)] for v in flat]}
    if k == 'S':
        return {'bytes': [list(v) for v in flat.tolist()]}
    if k == 'U':
        return {'str': flat.tolist()}
    raise ValueError(a.dtype)


def js_opts(opts):
    """Changes from the tables' base options (legacy='1.25'), as `mod.rs` applies them."""
    legacy = {'1.25': 125, '2.1': 201, '2.2': 202, False: None}
    return {k: (legacy[v] if k == 'legacy' else v) for k, v in opts.items()}


def line(**fields):
    return json.dumps(fields, ensure_ascii=False) + '\n'


def numpy_text(a, opts, threshold=None):
    with np.printoptions(**{**BASE, **opts, **({'threshold': threshold} if threshold is not None else {})}):
        return repr(a), str(a)


def proxy(shape, f, dtype, edge):
    """An array with the same printed corners as the lazily defined one, small enough to build."""
    kept = [list(range(edge)) + [edge - 1] + list(range(n - edge, n)) if n > 2 * edge else list(range(n))
            for n in shape]
    strides = [math.prod(shape[i + 1:]) for i in range(len(shape))]
    idx = np.array(np.meshgrid(*kept, indexing='ij')).reshape(len(shape), -1).T
    vals = [f(int(sum(i * s for i, s in zip(ix, strides)))) for ix in idx]
    return np.array(vals, dtype=dtype).reshape([len(k) for k in kept])


ARRAYS = []


def case(why, expr, opts=None, **kw):
    ARRAYS.append((why, expr, opts or {}, kw))


def lazy(why, shape, dtype, py, rs, opts=None):
    """A case too big to write out: `rs` names the same function in `mod.rs`'s `lazy`."""
    ARRAYS.append((why, None, opts or {}, dict(shape=shape, dtype=dtype, py=py, rs=rs)))


# integers
case('arange', 'np.arange(3)')
case('negatives widen the column', 'np.array([-1, 0, 1])')
case('mixed widths pad to the widest', 'np.array([1000, -5, 7])')
case('int32 needs dtype', 'np.arange(3, dtype=np.int32)')
case('int8', 'np.array([-128, 0, 127], dtype=np.int8)')
case('uint8', 'np.array([0, 255], dtype=np.uint8)')
case('uint16', 'np.array([1, 65535], dtype=np.uint16)')
case('uint64 max', 'np.array([0, 2**64 - 1], dtype=np.uint64)')
case('int64 extremes', 'np.array([-2**63, 2**63 - 1])')
case('big-endian int32', "np.array([1, 256], dtype='>i4')")
case('big-endian float64', "np.array([1.5, 2.0], dtype='>f8')")
case('2-D ints', 'np.arange(12).reshape(3, 4)')
case('3-D ints: blank line between blocks', 'np.arange(24).reshape(2, 3, 4)')
case('4-D ints: two blank lines', 'np.arange(24).reshape(2, 3, 2, 2)')
case('single element', 'np.array([7])')
case('column vector', 'np.arange(3).reshape(3, 1)')
case('row of one', 'np.arange(3).reshape(1, 3)')
case('long row wraps at 75', 'np.arange(100)')
case('1000 elements: no summary, wrapped', 'np.arange(1000)')
case('wrapped int16 row with dtype', 'np.arange(40, dtype=np.int16) * 1000')
case('dtype suffix on its own line', 'np.arange(21, dtype=np.int32) + 10**6')
case('dtype suffix still fits', 'np.arange(20, dtype=np.int32) + 10**6')
case('2-D int32 rows wrap with dtype', 'np.arange(60, dtype=np.int32).reshape(2, 30) * 1001')
case('sign +', 'np.array([0, 5, -3])', dict(sign='+'))
case('sign space', 'np.array([0, 5, 3])', dict(sign=' '))
case('sign space with negative', 'np.array([0, 5, -3])', dict(sign=' '))
case('linewidth 20', 'np.arange(12)', dict(linewidth=20))
case('threshold 5 edgeitems 2', 'np.arange(10)', dict(threshold=5, edgeitems=2))
case('edgeitems 1', 'np.arange(20).reshape(4, 5)', dict(threshold=5, edgeitems=1))
case('linewidth 0: one element per line', 'np.arange(4.)', dict(linewidth=0))
case('edgeitems 0: only the last element', 'np.arange(6).reshape(2, 3)', dict(edgeitems=0, threshold=2))
case('edgeitems 0 sizes over every element (numpy quirk)', 'np.array([1.5, 2.25, 3.125, 10.])',
     dict(edgeitems=0, threshold=2))
case('edgeitems 0 ints', 'np.array([-100, 2, 3])', dict(edgeitems=0, threshold=2))
case('threshold 0 summarises nothing short', 'np.array([5])', dict(threshold=0))
case('precision 30 fixed', 'np.array([1 / 3, 1e-5])', dict(precision=30, floatmode='fixed'))
case('legacy=False adds shape to summaries', 'np.arange(2000)', dict(legacy=False))
case('legacy=False 2-D summary', 'np.arange(3000).reshape(3, 1000)', dict(legacy=False))
case('legacy=2.2 omits shape', 'np.arange(2000)', dict(legacy='2.2'))

lazy('arange(3000) summarised', [3000], 'int64', lambda i: i, 'i')
lazy('arange(1001): one past threshold', [1001], 'int64', lambda i: i, 'i')
lazy('3x1000 summarises columns only', [3, 1000], 'int64', lambda i: i, 'i')
lazy('2x10x100 summarises the last axis only', [2, 10, 100], 'int64', lambda i: i, 'i')
lazy('1000x2 summarises rows', [1000, 2], 'int64', lambda i: i, 'i')
lazy('10x600 summarises both axes', [10, 600], 'int64', lambda i: i, 'i')
lazy('3-D summary on every axis', [10, 10, 10, 2], 'int64', lambda i: i, 'i')
lazy('arange(10**8) prints instantly', [10**8], 'int64', lambda i: i, 'i')
lazy('2**28 elements as 2**14 square', [2**14, 2**14], 'int64', lambda i: i, 'i')
lazy('int32 summary keeps dtype', [5000], 'int32', lambda i: i - 2500, 'i - 2500')
lazy('summary widths come from edges only', [2001], 'int64',
     lambda i: 10**9 if i == 1000 else i, 'i, 10**9 at 1000')
lazy('float summary', [3000], 'float64', lambda i: i / 7, 'i / 7')
lazy('bool summary', [2000], 'bool', lambda i: i % 3 == 0, 'i % 3 == 0')
lazy('complex summary', [1500], 'complex128', lambda i: complex(i, -i / 2),
     'complex(i, -i / 2)')
trigram = {0: 0x9d, 1: 0x42, 2: 0xeb, 3: 0x55, 4: 0xa4}
N = 2**28
tail = {N - 5: 0x2d, N - 4: 0xcb, N - 3: 0x4d, N - 2: 0x97, N - 1: 0x6f}
TRI = {**trigram, **tail}
lazy("seed: trigram view as a column of S3", [N - 2, 1], 'S3',
     lambda i: bytes(TRI.get(j, j % 251) for j in range(i, i + 3)).rstrip(b'\0'),
     'trigram_row')

# floats
case('thirds', 'np.arange(10.) / 3')
case('tiny and one: scientific', 'np.array([1e-5, 1.])')
case('1e8 switches to scientific', 'np.array([1e8, 1.])')
case('just under 1e8 stays positional', 'np.array([99999999., 1.])')
case('ratio over 1000: scientific', 'np.array([1., 1001.])')
case('ratio 1000: positional', 'np.array([1., 1000.])')
case('tenths and quarters', 'np.array([0.1, 0.25])')
case('whole floats keep the point', 'np.array([1., 2.])')
case('mixed 1 and 1.5', 'np.array([1., 1.5])')
case('non-finite', 'np.array([np.nan, np.inf, -np.inf, 0.])')
case('only nan', 'np.array([np.nan])')
case('nan and one', 'np.array([np.nan, 1.])')
case('-inf and 1.5', 'np.array([-np.inf, 1.5])')
case('negative zero', 'np.array([-0.0])')
case('zero', 'np.array([0.])')
case('1e16', 'np.array([1e16])')
case('1e-4 is not small', 'np.array([1e-4])')
case('just under 1e-4 is', 'np.array([9.99e-5, 1.])')
case('negative floats', 'np.array([-1.5, 2., -0.25])')
case('precision 8 rounds', 'np.array([1 / 3, 2 / 3])')
case('pi', 'np.array([np.pi, -np.e])')
case('huge and tiny', 'np.array([1e-300, 1e300])')
case('denormal', 'np.array([5e-324, 1.])')
case('max float', 'np.array([1.7976931348623157e308])')
case('1e7 positional', 'np.array([1e7, 1.5])')
case('big positional needs many digits', 'np.array([12345678.9, 0.5])')
case('round up carries', 'np.array([9.999999999, 0.5])')
case('ties round to even at precision', 'np.array([0.125, 0.375, 2.675])', dict(precision=2))
case('linspace', 'np.linspace(0, 1, 7)')
case('long float row wraps', 'np.linspace(0, 1, 30)')
case('random values', 'np.random.default_rng(0).random(6)')
case('random normals', 'np.random.default_rng(1).normal(size=(3, 4)) * 100')
case('2-D floats', 'np.arange(6.).reshape(2, 3) / 7')
case('3-D floats', 'np.arange(8.).reshape(2, 2, 2) - 3.5')
case('scientific 2-D', 'np.array([[1e-10, 1.], [2., 3e10]])')
case('scientific exponent width 3', 'np.array([1e-100, 1e100])')
case('scientific mixed digits', 'np.array([1.5e-5, 2e-6, 3.25e-7])')
case('suppress small', 'np.array([1e-9, 1.])', dict(suppress=True))
case('suppress keeps big scientific', 'np.array([1e9, 1.])', dict(suppress=True))
case('precision 3', 'np.array([1 / 3, 10.])', dict(precision=3))
case('precision 0', 'np.array([1.5, 2.5, 3.4])', dict(precision=0))
case('floatmode fixed', 'np.array([1., 1.5])', dict(floatmode='fixed'))
case('floatmode fixed precision 3', 'np.array([1 / 3, 2.])', dict(floatmode='fixed', precision=3))
case('floatmode unique', 'np.array([1 / 3, 0.1])', dict(floatmode='unique'))
case('floatmode maxprec_equal', 'np.array([1., 1.25, 1 / 3])', dict(floatmode='maxprec_equal', precision=4))
case('floatmode fixed scientific', 'np.array([1e-6, 1.])', dict(floatmode='fixed', precision=3))
case('sign + floats', 'np.array([1., -2.5, np.inf])', dict(sign='+'))
case('sign space floats', 'np.array([1., 2.5])', dict(sign=' '))
case('sign space with negative float', 'np.array([1., -2.5])', dict(sign=' '))
case('sign space with nan', 'np.array([np.nan, 2.5])', dict(sign=' '))
case('custom nanstr/infstr', 'np.array([np.nan, -np.inf, 1.])', dict(nanstr='NaN', infstr='Infinity'))
case('float32', 'np.array([0.1, 0.2], dtype=np.float32)')
case('float32 thirds', 'np.arange(5, dtype=np.float32) / 3')
case('float32 0.0001 compares in float32', 'np.array([0.0001], dtype=np.float32)')
case('float32 big', 'np.array([16777217., 1.], dtype=np.float32)')
case('float32 scientific', 'np.array([1e-7, 1.], dtype=np.float32)')
case('float32 2-D', 'np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)')
case('float16', 'np.array([0.1, 0.2], dtype=np.float16)')
case('float16 max and tiny', 'np.array([65504., 6e-8], dtype=np.float16)')
case('float16 thousands', 'np.array([1000., 1.], dtype=np.float16)')
case('float16 1000 under legacy=False', 'np.array([1000.5, 1.], dtype=np.float16)', dict(legacy=False))
case('float32 1e6 under legacy=False', 'np.array([1e6, 1.], dtype=np.float32)', dict(legacy=False))
case('float32 ratio in float32', 'np.array([1., 1000.0001], dtype=np.float32)')

# random values at every scale and width: Dragon4's cutoffs and FloatingFormat's padding
rng = np.random.default_rng(2024)
for width, (lo_exp, hi_exp) in dict(float64=(-12, 12), float32=(-12, 12), float16=(-7, 4.8)).items():
    for n in range(8):
        lo, hi = sorted(rng.uniform(lo_exp, hi_exp, 2))
        vals = (rng.choice([-1, 1], 4) * 10 ** rng.uniform(lo, hi, 4)).astype(width)
        opts = [{}, dict(floatmode='fixed', precision=3), dict(floatmode='unique'),
                dict(floatmode='maxprec_equal', precision=5)][n % 4]
        case('random %s #%d' % (width, n), 'np.array(%r, dtype=np.%s)' % ([float(v) for v in vals], width), opts)

# complex
case('complex', 'np.array([1 + 2j, -1j])')
case('complex real only', 'np.array([1.5 + 0j, 2 + 0j])')
case('complex non-finite', 'np.array([complex(np.nan, 1), complex(np.inf, -np.inf)])')
case('complex64', 'np.array([0.1 + 0.2j, 1 - 1j], dtype=np.complex64)')
case('complex scientific parts', 'np.array([1e-5 + 1j, 2 + 3e10j])')
case('complex 2-D', 'np.array([[1 + 1j, 2.5 - 1j], [0j, -3 + 0.5j]])')
case('complex negative zero parts', 'np.array([complex(-0.0, -0.0)])')

# bool
case('bool', 'np.array([True, False])')
case('bool 2-D', 'np.array([[True, False], [False, True]])')
case('bool wraps', 'np.ones(20, dtype=bool)')

# bytes and str
case('bytes', "np.array([b'abc', b'de'])")
case('bytes escapes', "np.array([b'\\x00\\xff', b\"it's\", b'a\"b', b'\\\\'])")
case('bytes S3 with quote mix', "np.array([b'\\'\"', b'\\t\\n'], dtype='S3')")
case('bytes trailing NULs stripped', "np.array([b'a\\x00b', b'c'], dtype='S3')")
case('empty bytes element', "np.array([b'', b'x'])")
case('bytes 2-D', "np.array([[b'ab', b'c'], [b'', b'\\x7f']])")
case('unicode', "np.array(['a', 'bc'])")
case('unicode non-ASCII', "np.array(['\\xe9t\\xe9', '\\u4e2d\\u6587', '\\U0001f600'])")
case('unicode quotes and escapes', "np.array([\"it's\", 'a\"b', 'tab\\there', '\\x85\\u2028'])")
case('unicode wraps by characters', "np.array(['\\u4e2d' * 10] * 8)")
case('unicode 2-D', "np.array([['x', 'yy'], ['zzz', '']])")
case('big-endian unicode', "np.array(['ab'], dtype='>U2')")

# empty and 0-d
case('empty float', 'np.array([])')
case('empty int32', 'np.zeros(0, dtype=np.int32)')
case('empty 2-D', 'np.zeros((0, 3), dtype=np.int64)')
case('empty other axis', 'np.zeros((3, 0))')
case('empty 3-D', 'np.zeros((2, 0, 3), dtype=bool)')
case('empty bytes', "np.array([], dtype='S3')")
case('empty str', "np.zeros((0,), dtype='U1')")
case('0-d int', 'np.array(5)')
case('0-d int32', 'np.array(5, dtype=np.int32)')
case('0-d float', 'np.array(5.5)')
case('0-d float tenth', 'np.array(0.1)')
case('0-d float32', 'np.array(0.1, dtype=np.float32)')
case('0-d float nan', 'np.array(np.nan)')
case('0-d big float', 'np.array(1e16)')
case('0-d bool', 'np.array(True)')
case('0-d complex', 'np.array(1 + 2j)')
case('0-d bytes', "np.array(b'abc')")
case('0-d str', "np.array('abc')")
case('0-d uint8', 'np.array(200, dtype=np.uint8)')

SCALARS = [
    ('np.int64(1)', 'int'), ('np.int8(-3)', 'int8'), ('np.uint64(2**64 - 1)', 'uint64 max'),
    ('np.float64(1.0)', 'whole'), ('np.float64(0.1)', 'tenth'), ('np.float64(1e16)', '1e16'),
    ('np.float64(1e-5)', '1e-5'), ('np.float64(1.5e-5)', '1.5e-5'), ('np.float64(0.0001)', '1e-4 positional'),
    ('np.float64(123456789.0)', 'big whole'), ('np.float64(-0.0)', 'negative zero'),
    ('np.float64(np.nan)', 'nan'), ('np.float64(-np.inf)', '-inf'), ('np.float64(1/3)', 'third'),
    ('np.float64(9999999999999998.0)', 'under 1e16'), ('np.float64(1e300)', '1e300'),
    ('np.float32(0.1)', 'float32 tenth'), ('np.float32(1/3)', 'float32 third'),
    ('np.float32(1e16)', 'float32 1e16'), ('np.float32(0.0001)', 'float32 under 1e-4'),
    ('np.float32(1e7)', 'float32 1e7'), ('np.float32(16777216.)', 'float32 2**24'),
    ('np.float16(0.1)', 'float16 tenth'), ('np.float16(1000.)', 'float16 1000'),
    ('np.float16(65504.)', 'float16 max'), ('np.float16(6e-8)', 'float16 tiny'),
    ('np.complex128(1 + 2j)', 'complex'), ('np.complex128(1j)', 'imaginary'),
    ('np.complex128(complex(-0.0, 1))', 'negative zero real'), ('np.complex128(1.5 - 2.25j)', 'fractions'),
    ('np.complex128(complex(0, np.nan))', 'nan imaginary'), ('np.complex128(complex(np.nan, 1))', 'nan real'),
    ('np.complex128(complex(np.inf, -np.inf))', 'infinities'), ('np.complex128(1e20 + 1e-20j)', 'scientific parts'),
    ('np.complex64(0.1 + 0.2j)', 'complex64'), ('np.True_', 'true'), ('np.False_', 'false'),
    ("np.bytes_(b'abc')", 'bytes'), ("np.bytes_(b\"it's\\x00\\xff\")", 'bytes escapes'),
    ("np.str_('abc')", 'str'), ("np.str_(\"it's\")", 'str quote'),
]


def random_scalars():
    """Random bit patterns of each width, plus short decimals, for the scalar strings."""
    rng = np.random.default_rng(7)
    out = []
    for width, bits, n in (('float64', np.uint64, 120), ('float32', np.uint32, 120), ('float16', np.uint16, 120)):
        raw = rng.integers(0, np.iinfo(bits).max, n, dtype=bits, endpoint=True).view(width)
        short = np.array([round(x, int(k)) for x, k in zip(rng.uniform(-1000, 1000, 20), rng.integers(0, 6, 20))],
                         dtype=width)
        for v in list(raw[np.isfinite(raw)]) + list(short):
            out.append(v)
    return out


def emit():
    w = sys.stdout.write
    for why, expr, opts, kw in ARRAYS:
        if expr is not None:
            a = eval(expr)
            r, s = numpy_text(a, opts)
            shape, dtype, values = list(a.shape), a.dtype.str, js_values(a)
        else:
            shape, dtype = kw['shape'], np.dtype(kw['dtype']).str
            edge = opts.get('edgeitems', 3)
            small = proxy(shape, kw['py'], kw['dtype'], edge)
            r, s = numpy_text(small, opts, threshold=small.size - 1)
            values = {'lazy': kw['rs']}
        w(line(case='array', why=why, dtype=dtype, shape=shape, values=values, opts=js_opts(opts), repr=r, str=s))
    for expr, why in SCALARS:
        v = eval(expr)
        a = np.array([v])
        with np.printoptions(legacy='1.25'):
            r125, s125 = repr(v), str(v)
        with np.printoptions(legacy=False):
            r, s = repr(v), str(v)
        w(line(case='scalar', why=why, dtype=a.dtype.str, value=js_values(a), repr_125=r125, str_125=s125,
               repr=r, str=s))
    # str() under legacy 1.25, repr() under legacy=False, and CPython's repr(float(v))
    for v in random_scalars():
        with np.printoptions(legacy='1.25'):
            s125 = str(v)
        with np.printoptions(legacy=False):
            r = repr(v)
        w(line(case='float_scalar', dtype=v.dtype.str, value=js_f64(v), str_125=s125, repr=r,
               py_repr=repr(float(v))))


if __name__ == '__main__':
    emit()
