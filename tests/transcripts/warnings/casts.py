# Casts warn too: `invalid value encountered in cast` for NaN or out-of-range floats to integers, `overflow encountered in cast` for floats too big for a narrower float.
import numpy as np
np.array([np.nan, 1.5]).astype(int)
np.array([np.inf]).astype(np.int64)
np.array([1e10]).astype(np.int32)
np.array([300.0]).astype(np.int8)
np.array([-1.0]).astype(np.uint8)
np.array([1e20]).astype(np.uint64)
np.array([np.nan], dtype=np.float32).astype(np.int16)
np.array([1e300, 1.0]).astype(np.float32)
np.array([70000.0]).astype(np.float16)
np.array([70000]).astype(np.float16)
np.array([1e300]).astype(np.complex64)
np.array([1 + 2j, 3 - 4j]).astype(np.float64)
np.array([1 + 2j]).astype(int)
np.array([1 + 2j]).astype(bool)
np.float32(1e300)
np.float16(1e10)
np.float32(np.float64(1e300))
np.int32(np.float64(1e10))
np.float64(1e300).astype(np.float32)
np.zeros(2, np.float32) + 1e300
np.zeros(2, np.float16) + 70000
np.float32(1) * 1e39
np.arange(3, dtype=np.float16) * 1e5
np.array([1e300], dtype=np.float32)
np.full(2, 1e300, dtype=np.float32)
a = np.zeros(3, np.float32)
a[0] = 1e300
a[1:] = 1e300
a
b = np.zeros(2)
b[:] = np.array([1 + 1j, 2])
b
c = np.zeros(2, np.int32)
c[:] = np.array([np.nan, 1.0])
c
