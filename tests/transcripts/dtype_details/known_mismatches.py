# Last round's mismatches: str_/bytes_ comparisons, shares_memory's max_work, complex text, int64 overflow, dtype identity
import numpy as np
a = np.array([b'abc', b'abc\x00', b'abd'], dtype='S7')
a[0] == a[1]
a[0] == a[2]
a[0] < a[2]
type(a[0] == a[1])
a[0] != a[1]
a[0] == b'abc'
u = np.array(['x', 'y'])
u[0] == u[1]
u[0] < u[1]
type(u[0] < u[1])
u[0] == 'x'
'y' > u[0]
u == u[0]
b = np.arange(12)
np.shares_memory(b[::2], b[1::2])
np.shares_memory(b[::2], b[1::2], max_work=1000)
np.shares_memory(b[::2], b[2::2], max_work=0)
np.shares_memory(b[::2], b[1::2], max_work=0)
np.shares_memory(b, b[3:], max_work=-1)
np.shares_memory(b[:3], b[3:], max_work=0)
np.may_share_memory(b[::2], b[1::2])
np.may_share_memory(b[::2], b[1::2], max_work=-1)
x = np.arange(24).reshape(4, 6)
np.shares_memory(x[:, ::2], x[:, 1::2], max_work=1)
np.shares_memory(x[:, ::2], x[1:, 2::2], max_work=1)
np.shares_memory(x[::2, ::3], x[1::2, 1::3])
np.shares_memory(x.view('i4')[:, ::2], x.view('i4')[:, 1::4])
np.shares_memory(b, b, max_work=1.5)
np.shares_memory(b, b, max_work=-3)
np.shares_memory(b, b, max_work=None)
np.may_share_memory(b, b, max_work=None)
np.shares_memory(b, b, max_work=2**70)
np.shares_memory([1], b)
complex('1+2j')
complex(' (3-4j) ')
complex('2j')
complex('1e3+.5j')
complex('nan+infj')
complex('j'), complex('-j'), complex('1-j'), complex('1_0+2j')
complex('abc')
complex('')
complex('(1+2j')
complex('1+2j', 1)
complex(1, '2')
complex(b'1')
np.complex128('1+2j')
np.complex64('3j')
np.complex128(b'1+2j')
np.array(['1+2j', '3', '-1.5e2-2j']).astype(complex)
np.array(['1+2j', '3'], dtype='S').astype(np.complex64)
np.array([b'1+2j', b'(2-1j)']).astype(complex)
np.array(['inf', '-nan+nanj']).astype(complex)
np.array(['1+2j', 'x']).astype(complex)
np.int64(2**70)
np.int64(-2**70)
np.uint64(2**70)
np.uint64(2**64)
np.uint64(2**64-1)
np.uint64(-1)
np.int64(2**63)
np.int8(2**70)
np.int32(2**40)
np.array(2**64, dtype=np.int64)
z = np.zeros(2, dtype=np.int64)
z[0] = 2**63
z[0] = 2**62
np.int64(1) + 2**64
c = np.array(['a', 'bc'])
c.dtype is c.dtype
d = np.array([b'a'])
d.dtype is d.dtype
c.dtype is c.astype('U2').dtype
c[:1].dtype is c.dtype
c.T.dtype is c.dtype
c.view('S8').dtype is c.dtype
big = np.arange(3, dtype='>i4')
big.dtype is big.dtype
np.dtype('S3') is np.dtype('S3')
