# Above 1000 elements NumPy prints only 3 items at each edge with '...'.
import numpy as np
np.arange(1000)[-3:]
np.arange(1001)
np.arange(2000, dtype='u1')
np.arange(2**10)
np.arange(2**10).reshape(32, 32)
np.arange(2**10).reshape(4, 16, 16)
np.arange(1001).reshape(1, 1001)
np.arange(1001).reshape(1001, 1)
print(np.arange(2000))
print(np.arange(2000).reshape(40, 50))
np.zeros(1500)
np.linspace(0, 1, 2000)
(np.arange(1200) * 37 % 256).astype('B').view('c')
np.zeros(1001, dtype=bool)
np.arange(2000)[::2]
np.arange(2000)[::2][:10]
np.arange(1234 * 5678, dtype='int32').reshape(1234, 5678)
np.arange(1000).reshape(10, 100).shape
np.arange(1000).reshape(100, 10)[:3]
