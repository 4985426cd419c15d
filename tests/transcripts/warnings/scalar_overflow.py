# Integer overflow: NumPy scalars warn (RuntimeWarning: overflow encountered in scalar add), arrays wrap silently; integer division by zero warns in both.
import numpy as np
np.int8(127) + np.int8(1)
np.int8(127) + 1
np.uint8(0) - np.uint8(1)
np.int16(200) * np.int16(200)
-np.int8(-128)
abs(np.int8(-128))
x = np.int8(127)
x += 1
x
np.int32(2**31 - 1) + np.int8(1)
np.int8(127) + np.uint8(1)
np.add(np.int8(127), np.int8(1))
np.negative(np.int8(-128))
np.array([127], dtype=np.int8) + 1
np.array(127, dtype=np.int8) + 1
np.array([-128], dtype=np.int8) * -1
np.arange(250, 256, dtype=np.uint8) + np.uint8(10)
np.int64(2) ** 70
np.int8(1) // np.int8(0)
np.int8(1) % np.int8(0)
np.int8(-128) // np.int8(-1)
np.int8(-128) % np.int8(-1)
np.array([1, 2, 3]) // 0
np.array([1, 2, 3]) % 0
np.array([-128, 5], dtype=np.int8) // -1
np.array([1]) / 0
np.array([0, 1]) / 0
np.int64(5) / 0
np.array([True]) // np.array([False])
for i in range(3):
    np.int8(100) + np.int8(100)
a = np.int8(100) + np.int8(100); b = np.int16(30000) * 2
a, b
def grow(v):
    return v * v
grow(np.int32(50000)); grow(np.int32(60000))
grow(np.int32(70000))
