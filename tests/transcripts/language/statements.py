# Statements: with and user context managers, starred assignment, for/while with else, break/continue, the walrus, from __future__, del, global at the top level, annotated assignments.
import numpy as np
class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, kind, value, tb):
        print('exit', self.name, kind.__name__ if kind else None, value)
        return False
with Timer('a') as t:
    print('inside', t.name)
with Timer('b'):
    1 / 0
class Suppress:
    def __enter__(self):
        return 'entered value'
    def __exit__(self, *exc):
        print('suppressing', exc[0].__name__)
        return True
with Suppress() as v:
    print(v)
    raise ValueError('swallowed')
print('after the with')
with Timer('outer'), Timer('inner'):
    print('both')
def early():
    with Timer('ret'):
        return 'returned'
early()
with 42:
    pass
first, *rest = [1, 2, 3, 4]
first, rest
*init, last = 'abc'
init, last
a, *mid, z = range(6)
a, mid, z
head, *tail = [1]
head, tail
x, *y = []
for i in range(3):
    if i == 5:
        break
else:
    print('no break: else runs')
for i in range(3):
    if i == 1:
        break
else:
    print('not printed')
i
n = 0
while n < 3:
    n += 1
else:
    print('while else, n =', n)
while True:
    n -= 1
    if n == 0:
        break
    continue
n
found = None
for word in ['apple', 'banana', 'cherry']:
    for ch in word:
        if ch == 'y':
            found = word
            break
    if found:
        break
found
if (k := len('hello')) > 3:
    print('walrus bound', k)
[y2 for v in range(5) if (y2 := v * v) > 4]
y2
from __future__ import annotations
from __future__ import braces
from __future__ import nope
count: int = 3
count
label: str
del count
count
values = [1, 2, 3]
del values[0], values[-1]
values
for a2, (b2, c2) in [(1, (2, 3)), (4, (5, 6))]:
    print(a2, b2, c2)
pairs = [(1, 'one'), (2, 'two')]
for num, name in pairs:
    pass
num, name
arr = np.arange(6).reshape(3, 2)
for row_a, row_b in arr:
    print(row_a + row_b)
return 5
def f():
    yield
nonlocal q
