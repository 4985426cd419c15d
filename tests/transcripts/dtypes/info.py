# np.iinfo and np.finfo: the limits of integer and floating types.
import numpy as np
np.iinfo(np.int8)
np.iinfo(np.int8).min
np.iinfo(np.int8).max
np.iinfo('u1').max
np.iinfo(np.int32).bits
np.iinfo(np.int64).min
np.iinfo(np.uint64).max
np.iinfo('>i2').max
np.iinfo('>i2').dtype
np.iinfo(int).max
np.iinfo(np.int16).kind
type(np.iinfo(np.int8).max)
np.iinfo(np.float32)
np.iinfo('S3')
print(np.iinfo(np.int16))
np.finfo(np.float32)
np.finfo(np.float16)
np.finfo(np.float64)
np.finfo(np.float64).eps
np.finfo(np.float32).eps
np.finfo(np.float16).eps
np.finfo(np.float16).max
np.finfo(np.float16).tiny
np.finfo(np.float32).max
np.finfo(np.float32).min
np.finfo(np.float64).bits
np.finfo(np.float64).precision
np.finfo(np.float32).resolution
np.finfo(np.float64).smallest_subnormal
np.finfo(np.float32).dtype
np.finfo(float).max
np.finfo(np.complex64).dtype
np.finfo(np.complex128).eps
np.finfo('>f4').dtype
np.finfo(1.0).bits
np.finfo(np.int32)
type(np.finfo(np.float32).eps)
np.finfo(np.float16).nmant
np.finfo(np.float32).nexp
np.finfo(np.float64).maxexp
np.finfo(np.float64).minexp
print(np.finfo(np.float32))
np.iinfo(np.int8).min - 1
np.int8(np.iinfo(np.int8).max) + np.int8(1)
