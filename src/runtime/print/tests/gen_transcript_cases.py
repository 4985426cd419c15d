"""Writes transcript_cases.rs: every ndarray and numpy scalar that the golden transcripts show,
with numpy's repr and str, so the printer is checked on what students actually see.

Run from the repository root with numpy 2.4.6, giving the transcript scripts:
    python3 src/runtime/print/tests/gen_transcript_cases.py tests/transcripts/*/*.py \\
        > src/runtime/print/tests/transcript_cases.rs
Cells run as the oracle runs them (one per line, numpy imported with legacy='1.25'). Arrays
the printer summarises keep only their printed corners (`Values::Sparse`), so the test also
proves that nothing else is read.
"""
import ast
import contextlib
import io
import itertools
import os
import sys

import numpy as np

from gen_cases import rs_opts, rs_str, rs_values

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
    except SyntaxError:
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
    w('//! numpy 2.4.6 ground truth from the golden transcripts, written by gen_transcript_cases.py:\n')
    w('//! do not edit by hand.\n\n')
    w('use super::{ArrayCase, ScalarCase, Values};\n')
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
                    scalars.append((why, v.dtype.str, rs_values(np.array([v])), r125, s125, r, s))
                continue
            summarised = v.size > np.get_printoptions()['threshold']
            if not summarised and v.size > 2000:
                continue
            if summarised:
                flat, corner = printed_corners(v, opts)
                values = 'Values::Sparse { at: &[%s], values: &%s }' % (', '.join(map(str, flat)), rs_values(corner))
            else:
                values = rs_values(v)
            r, s = repr(v), str(v)
            key = ('a', v.dtype.str, v.shape, values, tuple(sorted(opts.items())))
            if key in seen:
                continue
            seen.add(key)
            arrays.append((why, v.dtype.str, v.shape, values, opts, r, s))
    np.set_printoptions(**DEFAULTS)
    if any('floatmode' in opts for *_, opts, _, _ in arrays):
        w('use crate::runtime::print::FloatMode;\n')
    w('\n')
    w('pub(super) const ARRAYS: &[ArrayCase] = &[\n')
    for why, dtype, shape, values, opts, r, s in arrays:
        w('    ArrayCase {\n')
        w('        why: %s,\n' % rs_str(why))
        w('        dtype: %s,\n' % rs_str(dtype))
        w('        shape: &[%s],\n' % ', '.join(str(k) for k in shape))
        w('        values: %s,\n' % values)
        w('        opts: %s,\n' % rs_opts(opts))
        w('        repr: %s,\n' % rs_str(r))
        w('        str: %s,\n' % rs_str(s))
        w('    },\n')
    w('];\n\n')
    w('pub(super) const SCALARS: &[ScalarCase] = &[\n')
    for why, dtype, value, r125, s125, r, s in scalars:
        w('    ScalarCase {\n')
        w('        why: %s,\n' % rs_str(why))
        w('        dtype: %s,\n' % rs_str(dtype))
        w('        value: %s,\n' % value)
        w('        repr_125: %s,\n' % rs_str(r125))
        w('        str_125: %s,\n' % rs_str(s125))
        w('        repr: %s,\n' % rs_str(r))
        w('        str: %s,\n' % rs_str(s))
        w('    },\n')
    w('];\n')


if __name__ == '__main__':
    emit(sys.argv[1:])
