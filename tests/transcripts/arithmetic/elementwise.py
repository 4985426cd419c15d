# Elementwise arithmetic and comparisons produce NEW arrays (owndata True), with Python-like rules.
import numpy as np
a = np.arange(6)
a + 1
a - 10
a * 3
a / 2
a // 4
a % 4
a ** 2
-a
2 ** a
10 - a
1 / (a + 1)
(a + 1).flags.owndata
np.shares_memory(a + 0, a)
np.arange(-5, 5) // 3
np.arange(-5, 5) % 3
np.arange(-5.0, 5.0) % 3
np.arange(-5, 5) / 4
a == 3
a > 2
a <= 2
a != 0
(a > 1) & (a < 4)
~(a > 2)
a == a.copy()
(a == 3).dtype
a + a
a * a
a / a
a + 0.5
a.dtype, (a + 0.5).dtype, (a / 1).dtype, (a // 1).dtype
b = a.copy()
b += 10
b
b -= a
b
b *= 2
b
