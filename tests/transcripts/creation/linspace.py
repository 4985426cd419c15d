# np.linspace: endpoint included by default, num=50 default, int dtype truncation, endpoint=False.
import numpy as np
np.linspace(0, 1, 5)
np.linspace(1, 10, 10)
np.linspace(0, 10, 4)
np.linspace(10, 0, 3)
np.linspace(0, 1, 5, endpoint=False)
np.linspace(0, 1).shape
np.linspace(0, 1)[:4]
np.linspace(1, 5678, 5678)[:5]
np.linspace(1, 5678, 5678)[-3:]
np.linspace(1, 5678, 5678).dtype
np.linspace(0, 1, 1)
np.linspace(0, 1, 0)
np.linspace(0, 1, 2)
np.linspace(0, 9, 4, dtype=int)
np.linspace(0, 10, 4, dtype='u1')
np.linspace(-1, 1, 5)
np.linspace(0, 1, 3).flags.owndata
np.linspace(5, 5, 3)
np.linspace(0, 1, -1)
