# Result dtypes (NEP 50, NumPy 2): Python scalars adapt to the array's dtype; arrays promote.
import numpy as np
u = np.arange(250, 256, dtype='u1')
u + 1
(u + 1).dtype
u + 10
u * 2
u - 251
u + np.arange(6)
(u + np.arange(6)).dtype
u / 2
(u / 2).dtype
u // 2
u + 1.5
(u + 1.5).dtype
i1 = np.array([-128, 127], dtype='i1')
i1 + 1
-i1
abs(i1)
i1 * 2
f4 = np.array([1.5], dtype='float32')
(f4 + 1).dtype
(f4 + 1.5).dtype
(f4 + np.arange(1)).dtype
(f4 + np.arange(1, dtype='i2')).dtype
(np.arange(3, dtype='u4') + np.arange(3, dtype='i4')).dtype
(np.arange(3, dtype='u8') + np.arange(3, dtype='i8')).dtype
(np.arange(3, dtype='u1') + np.arange(3, dtype='i1')).dtype
(np.arange(3, dtype='i2') * np.arange(3, dtype='u1')).dtype
np.array([True, False]) + np.array([True, True])
np.array([True, False]) + 1
np.array([True, False]) * 1.5
np.arange(3) ** -1
np.arange(3.0) ** -1
u + 300
u + np.int64(300)
(u + np.int64(300)).dtype
np.uint8(200) + np.uint8(100)
