# bytearray: Python's mutable bytes, whose memory NumPy can view and write through
import sys
import numpy as np
b = bytearray(b'hello')
b
len(b), b[0], b[-1], b[1:3], b[::2]
sys.getsizeof(bytearray()), sys.getsizeof(b), sys.getsizeof(bytearray(10))
a = np.frombuffer(b, dtype=np.uint8)
print(a)
a.flags.writeable, a.flags.owndata
type(a.base), a.base.obj is b
a[0] = ord('j')
b
b[1] = 0x61
print(a)
b.append(33)
del a
b.append(33)
b
m = memoryview(b)
m.readonly, m.obj is b, m.nbytes
m[0] = 72
b
b.extend([1, 2])
m.release()
b.extend([1, 2])
b
sizes = []
c = bytearray()
for i in range(20):
    c.append(i)
    sizes.append(sys.getsizeof(c))
sizes
d = bytearray(b'abcdef')
del d[:3]
sys.getsizeof(d), d
d.extend([1, 2])
sys.getsizeof(d), d
e = bytearray(b'ab')
e += b'xyz'
e, sys.getsizeof(e)
e *= 2
e
bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') * 3, 2 * bytearray(b'xy')
bytearray([1, 2, 3]), bytearray(range(5)), bytearray('hé', 'utf-8'), bytearray(3)
bytearray(iter([1, 2])), sys.getsizeof(bytearray([1] * 10)), sys.getsizeof(bytearray(x for x in range(10)))
99 in bytearray(b'abc'), b'bc' in bytearray(b'abc'), b'bc' in b'abc', 98 in b'abc'
bytearray(b'ab') == b'ab', bytearray(b'ab') == 'ab', bytearray(b'ab') < b'b', b'ab' == bytearray(b'ab')
f = bytearray(b'abcdefgh')
f[2:4] = b''
f, sys.getsizeof(f)
f[2:2] = b'XYZW'
f, sys.getsizeof(f)
f[::2] = b'12345'
f
del f[::2]
f
del f[0]
f
f[0:1] = [65, 66]
f
f.pop(), f.pop(0), f
f.insert(0, 122)
f.insert(100, 121)
f
f.remove(66)
f
f.reverse()
f
f.find(b'z'), f.find(122), f.index(b'y'), f.count(b'1'), f.count(b'')
f.copy(), f.hex(), bytearray(b'caf\xc3\xa9').decode()
f.clear()
f, len(f), sys.getsizeof(f)
bytearray(b'a\x00\'"'), str(bytearray(b'x')), type(bytearray()), isinstance(bytearray(), bytes)
bytes(bytearray(b'ab')), list(bytearray(b'ab')), bytearray(np.arange(3, dtype=np.int16))
isinstance(bytearray(b''), bytearray), bytearray.__name__
bytearray('a')
bytearray([300])
bytearray(-1)
bytearray(1.5)
bytearray(b'a', 'utf8')
bytearray(b'ab')[5]
bytearray(b'ab')['x']
bytearray(b'ab').append(300)
bytearray(b'ab').append('a')
bytearray().pop()
bytearray(b'a').pop(5)
bytearray(b'a').remove(9)
bytearray(b'a').index(b'z')
bytearray(b'a').extend(5)
bytearray(b'ab') + 'x'
'x' + bytearray(b'ab')
bytearray(b'ab') + [1]
hash(bytearray(b'ab'))
bytearray(b'ab') < 'x'
300 in bytearray(b'abc')
'a' in bytearray(b'abc')
'a' in b'abc'
g = bytearray(b'abcdef')
g[0] = 300
g[0] = 'a'
g[1:3] = 5
g[1:3] = 'xy'
g[::2] = b'xy'
g[9] = 1
b = bytearray(b'abcdefghijklmnop')
b.pop(0)
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
b.pop(0)
b.pop(0)
b.pop(0)
b.extend(b"xyz12345")
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
b.remove(97)
b.extend(b"123456789")
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
del b[::2]
b.extend(b"1")
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
del b[::3]
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
del b[0]
b.extend(b"12")
sys.getsizeof(b), b
b = bytearray(b'abcdefghijklmnop')
del b[:9]
b.extend(b"1")
sys.getsizeof(b), b
