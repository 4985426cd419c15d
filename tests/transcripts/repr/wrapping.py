# Long rows wrap at 75 characters with a continuation indent; 2-D/3-D blocks and blank lines.
import numpy as np
np.arange(30)
np.arange(30, dtype='u1')
np.arange(100, 130)
print(np.arange(30))
np.arange(25) * 1000
np.linspace(0, 1, 12)
print(np.linspace(0, 1, 12))
np.arange(40).reshape(2, 20)
print(np.arange(40).reshape(2, 20))
np.arange(60).reshape(3, 4, 5)
np.arange(16).reshape(2, 2, 2, 2)
np.arange(8).reshape(2, 1, 4)
np.arange(3).reshape(1, 1, 3)
np.arange(20, dtype='int32').reshape(2, 10) * 100000
np.array([b'a' * 10] * 8)
np.ones((2, 3, 2), dtype=bool)
np.arange(21, dtype='i1')
np.arange(22, dtype='i1')
