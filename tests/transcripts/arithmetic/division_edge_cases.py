# Division by zero in arrays warns (stderr) instead of raising; Python scalars still raise.
import numpy as np
a = np.arange(4)
a / 0
a // 0
a % 0
np.arange(4.0) // 0
np.arange(4.0) % 0
-a / 0
np.array([-1, 1]) / 0
1 / 0
1 // 0
a[1] / 0
a[1] // 0
np.float64(1.0) / 0
np.array([7, -7]) // 2
np.array([7, -7]) % 2
np.array([7.5, -7.5]) // 2
np.array([7.5, -7.5]) % 2
np.array([2, 3], dtype='u1') - np.array([3, 2], dtype='u1')
np.array([2**62], dtype='i8') * 4
np.array([1e308]) * 10
np.array([np.inf]) - np.inf
