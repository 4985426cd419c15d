"""A long session: N tiny cells, whole-process CPU time in arrsh and in python3 (the cells run one
by one as bench/numpy_timings.py runs them), start-up subtracted (the same run with no cells).
Reports the per-cell cost and whether it stays flat (last tenth of the cells vs the first).

    cargo build --release && python3 bench/many_cells.py [N ...]     (default 20000 100000)

Two kinds of cells: quiet assignments (`x7 = 1234`, `y = x7 + 1`) and displayed values (`y`),
whose results go into `Out` and `_N`."""
import os, resource, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARRSH = os.path.join(ROOT, 'target', 'release', 'arrsh')
RUNNER = os.path.join(ROOT, 'bench', 'numpy_timings.py')

def cells(n, shown):
    out = ['import numpy as np']
    for i in range(n):
        k = i % 100
        if shown and i % 2:
            out.append(f'x{k}')
        elif i % 2:
            out.append(f'y = x{k} + 1')
        else:
            out.append(f'x{k} = {i}')
    return '\n'.join(out) + '\n'

def cpu(cmd, path, timings=False):
    """Child CPU seconds of one run, and its per-cell times when asked for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd + [path], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    per = []
    if timings:
        for line in (r.stderr if cmd[0] == ARRSH else r.stdout).splitlines():
            if '\t' in line:
                per.append(float(line.split('\t', 1)[0]))
    return total, per

def flatness(per):
    """Mean per-cell time of the last tenth over the first tenth (1.0: flat)."""
    per = per[1:]
    k = max(1, len(per) // 10)
    first, last = sum(per[:k]) / k, sum(per[-k:]) / k
    return last / first if first > 0 else float('inf')

def main(sizes):
    sides = [('arrsh', [ARRSH, '--plain']), ('python3', [sys.executable, RUNNER])]
    print(f"{'case':<22} {'side':<8} {'total ms':>9} {'µs/cell':>8} {'last/first':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, 'empty.py')
        with open(empty, 'w') as f:
            f.write(cells(0, False))
        base = {name: min(cpu(cmd, empty)[0] for _ in range(3)) for name, cmd in sides}
        for shown in (False, True):
            for n in sizes:
                path = os.path.join(tmp, f'cells{n}.py')
                with open(path, 'w') as f:
                    f.write(cells(n, shown))
                res = {}
                for name, cmd in sides:
                    total, _ = cpu(cmd, path)
                    flag = ['--timings'] if name == 'arrsh' else []
                    _, per = cpu(cmd + flag, path, timings=True)
                    t = total - base[name]
                    res[name] = t
                    case = f"{n} {'shown' if shown else 'quiet'} cells"
                    print(f'{case:<22} {name:<8} {t * 1e3:9.0f} {t / n * 1e6:8.1f} '
                          f'{flatness(per):10.2f}')
                print(f"{'':<22} {'ratio':<8} {res['arrsh'] / res['python3']:9.2f}")

if __name__ == '__main__':
    main([int(a) for a in sys.argv[1:]] or [20000, 100000])
