# When CPython hands back the same object: copies of immutable values, int(i)/float(f)/str(s), empty concatenations; int and float methods.
import numpy as np
a = np.arange(6)
l = a.tolist()
l
l[0] is l[0]
type(l[0])
id(l[0]) == id(0)
b = list(a)
b[0] is b[0], b[0] is a[0]
[x for x in range(3)] == list(range(3))
x = [1, 2, 3]
y = x[:]
x is y, x == y, x[0] is y[0]
z = x.copy()
z[0] is x[0]
t = (1000, 2000)
t2 = t
t2 is t
u = tuple(t)
u is t
v = t[:]
v is t
w = t + ()
w is t
s = 'hello world'
s[:] is s
s2 = str(s)
s2 is s
s + '' is s
n = 10 ** 10
m = n
m is n
n += 0
m is n
f = 0.5
g = f * 1
g is f
k = int(7)
k is 7
big = 12345678901234567890
int(big) is big
float(f) is f
del m
m
i = 5
i.bit_length(), (1024).bit_length(), (-1).bit_length()
(255).to_bytes(2, 'big')
(3.5).is_integer(), (3.0).is_integer()
(1.5).as_integer_ratio()
(10).real, (10).imag, (1.5).real, (1+2j).imag, (1+2j).conjugate()
True + 1, True & False, True | False, ~True
2 ** 100
-2 ** 0.5
(-8) ** (1 / 3)
10 / 3, 1e308 * 10, 2 ** 1000 / 2 ** 999
7 // 0
7.0 % 0
3 < 4 < 5, 1 == 1.0, 1 is 1.0, None == 0, 'a' != 'b'
[1, 2] == [1, 2.0], (1, 2) < (1, 3), [1] < [1, 0]
'abc' in 'xabcx', 3 in [1, 2, 3], 'k' in {'k': 1}, 5 in range(10), 5 in np.arange(3)
(255).to_bytes(2, 'big'), (-1).to_bytes(2, 'little', signed=True), (0).to_bytes(0, 'big'), (-128).to_bytes(1, 'big', signed=True)
(128).to_bytes(1, 'big', signed=True)
(256).to_bytes(1, 'big')
(0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e20).as_integer_ratio(), (0.0).as_integer_ratio()
(7).bit_count(), (-7).bit_count()
