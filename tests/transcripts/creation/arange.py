# np.arange in all its forms: stop / start,stop / start,stop,step, negative and float steps, dtype=.
import numpy as np
np.arange(5)
np.arange(2, 7)
np.arange(2, 20, 4)
np.arange(10, 0, -3)
np.arange(0, -5, -1)
np.arange(5, 2)
np.arange(0)
np.arange(-3)
np.arange(0.0, 1.0, 0.25)
np.arange(1, 2, 0.3)
np.arange(0, 1, 0.1).shape
np.arange(1, 1.3, 0.1)
np.arange(1, 1.3, 0.1).size
np.arange(5.0)
np.arange(2.5)
np.arange(1, 4, 0.5)
np.arange(5, dtype='u1')
np.arange(5, dtype=float)
np.arange(5, dtype=np.uint64)
np.arange(0, 10, 3, dtype='i2')
np.arange(3, dtype='f4')
np.arange(start=2, stop=5)
np.arange(stop=4)
np.arange(5).dtype
np.arange(5.0).dtype
np.arange(0, 5, 1.0).dtype
np.arange(True, 3)
np.arange(2**10).shape
np.arange(2**10).nbytes
np.arange(10**18, 10**18 + 3)
np.arange(0, 1, 0)
np.arange(0.5, 3, dtype=int)
