"""Runs a bench script cell by cell in CPython + NumPy (like the oracle) and prints
'<seconds>\t<cell>' per cell on stdout (process CPU time, as arrsh's --timings). Used by
compare.py."""
import sys, time
import numpy as np
np.set_printoptions(legacy='1.25')
ns = {}
for line in open(sys.argv[1]):
    cell = line.strip()
    if not cell or cell.startswith('#'):
        continue
    t0 = time.process_time()
    try:
        code = compile(cell, '<cell>', 'single' if False else 'exec')
        try:
            value = eval(compile(cell, '<cell>', 'eval'), ns)
            repr(value) if value is not None else None
        except SyntaxError:
            exec(code, ns)
    except Exception as e:
        print(f'# {type(e).__name__}: {e}', file=sys.stderr)
    print(f'{time.process_time() - t0:.6f}\t{cell}', flush=True)
