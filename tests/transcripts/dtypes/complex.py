# complex64/complex128: pairs of floats; arithmetic, comparisons (real part first), abs, reductions and casts.
import numpy as np
z = np.array([1+2j, 3-4j, -0.5j])
z
z.dtype
z.itemsize
z.real
z.imag
z.real.base is z
z.real.strides
z + 1
z * 2
z * z
z * (1 - 1j)
z / 2
z / (1 + 1j)
z / z[0]
z ** 2
z ** -1
z ** 0.5
z ** 3
-z
abs(z)
abs(z).dtype
z == 1 + 2j
z != z
z < 1
z > z[1]
np.array([1+1j, 1+2j, 1+0j]) < np.array([1+2j, 1+1j, 2-9j])
z.sum()
z.prod()
z.mean()
z.cumsum()
z.max()
z.min()
z.argmax()
z.conjugate()
z.astype(np.complex64)
z.astype(np.float64)
z.astype(int)
np.array([1, 2.5]).astype(complex)
np.array([1+2j], dtype=np.complex64) * 1.5
(np.array([1+2j], dtype=np.complex64) * 1.5).dtype
(np.float32(2) * 1j).dtype
(np.arange(3, dtype=np.float32) + 1j).dtype
(np.arange(3, dtype=np.int8) + 1j).dtype
(np.arange(3) + np.complex64(1j)).dtype
np.complex64(1+2j)
np.complex128(1.1+1.3j) * np.complex128(0.7-2.9j)
np.array([1.1+1.3j]) * np.array([0.7-2.9j])
np.complex128(3+4j).real
abs(np.complex64(3+4j))
type(abs(np.complex64(3+4j)))
z // 2
z % 2
z & 1
~z
np.zeros(2, dtype=complex)
np.ones((2, 2), dtype='c8')
z.tolist()
z[0].item()
z.view(np.float64)
np.array([1, 2, 3, 4], dtype=np.float64).view(complex)
