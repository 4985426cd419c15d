# np.einsum: explicit and implicit subscripts, traces and diagonals (a view for one operand), sums, outer and batched products, out=, dtype=, order=
import numpy as np
a = np.arange(9).reshape(3, 3)
b = np.arange(12).reshape(3, 4)
np.einsum('ij,jk->ik', a, b)
np.einsum('ij,jk', a, b)
np.einsum('ij', b)
np.einsum('ji', b)
np.einsum('ba', b)
np.einsum('ii', a)
np.einsum('ii->i', a)
d = np.einsum('ii->i', a)
d.base is a
d.strides
d.flags.writeable
d[0] = 100
a
a = np.arange(9).reshape(3, 3)
t = np.einsum('ij->ji', a)
t.base is a, t.strides
np.einsum('ij->', a)
np.einsum('ij->i', a)
np.einsum('ij->j', a)
np.einsum('i,i', np.arange(4), np.arange(4))
np.einsum('i,j', np.arange(3), np.arange(4))
np.einsum('i,j->ji', np.arange(3), np.arange(4))
np.einsum('ij,ij->ij', a, a)
np.einsum('ij,ji->i', a, a)
np.einsum('...ij->...ji', np.arange(8).reshape(2, 2, 2))
np.einsum('...ii->...i', np.arange(18).reshape(2, 3, 3))
np.einsum('i...->...', np.arange(6).reshape(3, 2))
x = np.arange(12.).reshape(2, 2, 3)
y = np.arange(12.).reshape(2, 3, 2)
np.einsum('bij,bjk->bik', x, y)
np.einsum('ijk,ik->ij', x, x[:, 0, :])
np.einsum(a, [0, 1], b, [1, 2], [0, 2])
np.einsum(a, [0, 0])
np.einsum(np.arange(6).reshape(2, 3), [Ellipsis, 1], [1, Ellipsis])
r = np.einsum('ij,jk->ki', a, b)
r.strides, r.flags.c_contiguous, r.flags.f_contiguous
np.einsum('ij,jk->ik', a, b, order='F').strides
np.einsum('i,->i', np.arange(3, dtype=np.int8), 3)
np.einsum('i,i', np.arange(3, dtype=np.int8), np.arange(3.))
np.einsum('i->', np.arange(200, dtype=np.int8))
np.einsum('i,i', [True, False], [True, True])
np.einsum('ij->', np.ones((2, 2)), dtype='i8', casting='unsafe')
np.einsum('ij,jk', np.ones((2, 2), dtype='f2'), np.ones((2, 2)))
o = np.zeros(3)
np.einsum('ij->i', a, out=o) is o
o
np.einsum('ij->i', np.ones((3, 3)), out=np.zeros(3, dtype=complex))
np.einsum('ij->', np.zeros((0, 3)))
np.einsum('ij->j', np.zeros((0, 3)))
np.einsum(',', 5, 6)
np.einsum('', 5)
np.einsum('ij,jk->ik', a, b, optimize=True)
np.einsum('ij,jk,kl->il', a, a, a, optimize='greedy')
np.einsum('ij,jk->ik', a, b, optimize='optimal')
r = np.einsum('ij,jk->ik', a, b, optimize=True)
r.strides, r.base is None
