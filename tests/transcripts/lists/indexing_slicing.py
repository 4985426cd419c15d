# Indexing and slicing of lists, tuples, strings, bytes and ranges: negative indices, steps, clamping, and the errors.
import numpy as np
l = [10, 20, 30, 40, 50]
l[0], l[-1], l[2]
l[5]
l[-6]
l['a']
l[1.0]
l[np.int64(1)]
l[True]
l[1:3], l[:2], l[3:], l[:], l[-2:]
l[::2], l[::-1], l[1::2], l[4:1:-1], l[-1:-4:-1]
l[10:20], l[3:1], l[-100:100]
l[::0]
l[1:4:np.int64(2)]
l[slice(1, 3)]
l[slice(None, None, -2)]
s = l[:]
s is l, s == l
l[1:3] is l[1:3]
t = (1, 2, 3, 4)
t[1], t[-1], t[1:3], t[::-1]
t[4]
t[:0]
type(t[1:2])
t[1:3] == (2, 3)
st = 'hello world'
st[0], st[-1], st[:5], st[6:], st[::-1], st[::2]
st[20]
st[3:1]
st[1:4:2]
b = b'bytes'
b[0], b[-1], b[1:3], b[::-1]
type(b[0])
r = range(0, 20, 3)
r[0], r[-1], r[2]
r[1:4]
r[::-1]
r[::2]
list(r[1:4])
r[10]
range(10)[-3:]
range(5)[::-2]
u = [[1, 2], [3, 4]]
u[1][0]
u[-1][-1]
u[0][5]
(1, [2, 3])[1][0]
'abc'[1][0]
d = {'a': [1, 2], 'b': (3,)}
d['a'][1], d['b'][0]
d['c']
d[0]
{(1, 2): 'pair'}[(1, 2)]
{(1, 2): 'pair'}[1, 2]
{[1]: 2}
5[0]
None[0]
l[1:3][0]
l[:][::-1][0]
l[len(l) - 1]
