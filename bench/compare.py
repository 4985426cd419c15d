"""Times every cell of every bench script in arrsh and in python3 + NumPy, on this machine in one
run, and prints the ratio per cell (arrsh time / python3 time; below 1 means arrsh is faster).
Times are process CPU time per cell (arrsh --timings, time.process_time in python3).

    cargo build --release && python3 bench/compare.py [bench/*.py]

Absolute times on shared machines are noise; the ratio is the result. Each script runs REPEAT
times per side and the best time per cell is kept."""
import glob, os, subprocess, sys

REPEAT = 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARRSH = os.path.join(ROOT, 'target', 'release', 'arrsh')

def timings(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    text = out.stdout if 'numpy_timings' in ' '.join(cmd) else out.stderr
    rows = []
    for line in text.splitlines():
        if '\t' in line and not line.startswith('#'):
            t, cell = line.split('\t', 1)
            rows.append((cell, float(t)))
    return rows

def best(cmd):
    runs = [timings(cmd) for _ in range(REPEAT)]
    return [(runs[0][i][0], min(r[i][1] for r in runs)) for i in range(len(runs[0]))]

def main(files):
    print(f"{'cell':<62} {'python ms':>9} {'arrsh ms':>9} {'ratio':>7}")
    for f in files:
        print(f'\n# {os.path.relpath(f, ROOT)}')
        npy = best([sys.executable, os.path.join(ROOT, 'bench', 'numpy_timings.py'), f])
        ars = best([ARRSH, '--plain', '--timings', f])
        for (cell, tn), (_, ta) in zip(npy, ars):
            if cell.startswith('import'):
                continue
            ratio = ta / tn if tn > 0 else float('inf')
            print(f'{cell[:62]:<62} {tn * 1e3:9.1f} {ta * 1e3:9.1f} {ratio:7.2f}')

if __name__ == '__main__':
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, 'bench', '*.py')))
    tools = ('numpy_timings.py', 'compare.py', 'many_cells.py')
    files = [f for f in files if os.path.basename(f) not in tools]
    main(files)
