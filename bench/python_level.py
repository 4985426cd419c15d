# Python-level work (issue 9's table): loops, comprehensions, calls, dicts. One cell per line;
# compare.py runs the same cells in CPython and prints arrsh's CPU time over CPython's.
import numpy as np
l1 = list(range(10**6))
l2 = list(range(10**6))
r1 = [(a * b) for a, b in zip(l1, l2)]
s = 0
for i in range(10**6): s += i
r2 = [x for x in range(10**6)]
for x in np.arange(10**6): pass
t1 = sum(l1)
d1 = {i: i for i in range(10**4)}
d2 = {i: i for i in range(3 * 10**4)}
d3 = {i: i for i in range(10**5)}
def f(x): return x + 1
for i in range(10**6): f(i)
fa = np.linspace(0.0, 1.0, 10**6)
t2 = 0.0
for x in fa: t2 += x * 0.5
