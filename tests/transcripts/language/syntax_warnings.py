# CPython's compile-time SyntaxWarnings: "is" with a literal, and "perhaps you missed a comma?" when a literal is called, subscripted or indexed wrongly.
import numpy as np
x = 1000
x is 1000
x is not 1000
x is -1
x is None, x is True, x is ...
x is (1, 2)
x is (1, x)
(1, 2) is (1, 2)
x is 'a' * 3
x is 2 ** 100
x is 2 ** 10
x is 'abc'[0]
x is [] or x is {}
n = None
n is None
a = np.arange(3)
a[0] is 0
[1, 2] [0]
(1, 2) (3, 4)
[(1, 2) (3, 4)]
'%d' (5)
len('abc')(0)
{1, 2}[0]
None[0]
1.5[0]
'abc'['b']
b'abc'[1.0]
[1, 2, 3][1.5]
[1, 2, 3][1:2]
[x for x in range(3)]['a']
{'a': 1}['a']
(i for i in range(3))[0]
f'{x}'[1.0]
assert (x > 0, 'x must be positive')
assert (x > 0), 'x must be positive'
def check(y):
    return y is 1000
check(1000)
def loop():
    for i in range(3):
        if i is 2:
            return i
loop()
lam = lambda v: v is 1
lam(1)
[v for v in range(3) if v is 1]
y = (x is 1,
     x is 2)
y
if x is not 1: print('not one')
try:
    5[0]
except TypeError as e:
    print(e)
