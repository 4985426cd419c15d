# Scalar types as constructors: np.int64(5), np.float32(1.5), np.uint8(300), np.bool_(0), their dtypes and arithmetic.
import numpy as np
np.int64(5)
type(np.int64(5))
np.int64(5).dtype
np.int64(5).itemsize
np.int8(-3)
np.int8(100) + np.int8(100)
np.uint8(3) - np.uint8(5)
np.int16('42')
np.int32(3.9)
np.int32(-3.9)
np.float32(1.5)
np.float32(0.1)
np.float32(0.1) + np.float64(0.2)
np.float64('1e3')
np.float16(1.5).dtype
np.uint16(7) * 2
(np.uint16(7) * 2).dtype
np.int64(5) / 2
np.int64(7) // 2
np.int64(-7) % 3
np.int64(2) ** 10
np.float32(2) ** 0.5
np.bool_(0)
np.bool_(3)
np.bool_(True) + np.bool_(True)
np.int64()
np.float64()
np.complex128()
np.int64(5) == 5
np.int64(5) < 5.5
int(np.int64(5))
float(np.float32(0.5))
np.float64(5).is_integer()
np.int32(5).dtype.str
np.uint32(7).dtype.name
np.int64([1, 2])
np.float32([1, 2]).dtype
np.int64(None)
np.int64('x')
np.intc(3).dtype
np.longlong(3).dtype
np.half(1).dtype
np.single(1).dtype
np.double(1).dtype
np.csingle(1).dtype
np.array(np.int16(3)).dtype
np.arange(3, dtype=np.int16)[0] + np.int32(1)
np.int8('300')
np.uint8('-1')
np.int64('1.5')
np.int16(' 42 ')
np.int64(np.array([1, 2]))
np.int64(np.array(5))
