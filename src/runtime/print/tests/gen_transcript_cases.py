"""Writes transcript_cases.jsonl: every ndarray and numpy scalar that the golden transcripts show,
with numpy's repr and str, so the printer is checked on what students actually see.

Run from the repository root with numpy 2.4.6, giving the transcript scripts:
    python3 src/runtime/print/tests/gen_transcript_cases.py tests/transcripts/*/*.py \\
        > src/runtime/print/tests/transcript_cases.jsonl
Cells run as the oracle runs them (one per line, numpy imported with legacy='1.25'). Arrays
the printer summarises keep only their printed corners (`{"sparse": ...}`), so the test also
proves that nothing else is read.
"""
import ast
import json
import contextlib
import io
import itertools
import os
import sys

import numpy as np

from gen_cases import js_opts, js_values, line

KINDS = 'biufcSU'
DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False, sign='-',
                floatmode='maxprec', nanstr='nan', infstr='inf', legacy='1.25')


def current_opts():
    o = np.get_printoptions()
    if o.get('formatter') is not None or o.get('override_repr') is not None:
        return None
    return {k: o[k] for k in DEFAULTS if o[k] != DEFAULTS[k]}


def cells(path):
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        text = line.strip()
        if text and not text.startswith('#'):
            yield n, text


def run_cell(text, ns):
    """The value of the cell's last expression (None when there is none or it fails)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = tree.body[:-1] if last else tree.body
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            exec(compile(ast.Module(body=body, type_ignores=[]), '<cell>', 'exec'), ns)
            if last is not None and not text.endswith(';'):
                return eval(compile(ast.Expression(last.value), '<cell>', 'eval'), ns)
        except BaseException:
            return None
    return None


def printed_corners(a, opts):
    """Flat indices (sorted) of the elements numpy prints, and their values in that order."""
    edge = opts.get('edgeitems', 3)
    kept = [list(range(edge)) + list(range(n - edge, n)) if n > 2 * edge else list(range(n)) for n in a.shape]
    flat = [int(np.ravel_multi_index(ix, a.shape)) for ix in itertools.product(*kept)]
    return flat, a[np.ix_(*kept)]


def emit(paths):
    w = sys.stdout.write
    arrays, scalars, seen = [], [], set()
    for path in paths:
        ns = {'__name__': '__main__'}
        np.set_printoptions(**DEFAULTS)
        for n, text in cells(path):
            v = run_cell(text, ns)
            opts = current_opts()
            if opts is None or not isinstance(v, (np.ndarray, np.generic)) or v.dtype.kind not in KINDS:
                continue
            if v.dtype.names is not None or (isinstance(v, np.ndarray) and type(v) is not np.ndarray):
                continue
            why = '%s:%d: %s' % (os.path.basename(path), n, text)
            if isinstance(v, np.generic):
                key = ('s', v.dtype.str, repr(v.item()))
                if key not in seen:
                    seen.add(key)
                    with np.printoptions(legacy='1.25'):
                        r125, s125 = repr(v), str(v)
                    with np.printoptions(legacy=False):
                        r, s = repr(v), str(v)
                    scalars.append((why, v.dtype.str, js_values(np.array([v])), r125, s125, r, s))
                continue
            summarised = v.size > np.get_printoptions()['threshold']
            if not summarised and v.size > 2000:
                continue
            if summarised:
                flat, corner = printed_corners(v, opts)
                values = {'sparse': {'at': flat, 'values': js_values(corner)}}
            else:
                values = js_values(v)
            r, s = repr(v), str(v)
            key = ('a', v.dtype.str, v.shape, json.dumps(values), tuple(sorted(opts.items())))
            if key in seen:
                continue
            seen.add(key)
            arrays.append((why, v.dtype.str, v.shape, values, opts, r, s))
    np.set_printoptions(**DEFAULTS)
    for why, dtype, shape, values, opts, r, s in arrays:
        w(line(case='array', why=why, dtype=dtype, shape=list(shape), values=values, opts=js_opts(opts), repr=r,
               str=s))
    for why, dtype, value, r125, s125, r, s in scalars:
        w(line(case='scalar', why=why, dtype=dtype, value=value, repr_125=r125, str_125=s125, repr=r, str=s))


if __name__ == '__main__':
    emit(sys.argv[1:])
