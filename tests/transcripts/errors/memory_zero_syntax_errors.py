# MemoryError for impossible allocations, ZeroDivisionError, and SyntaxError for bad cells.
import numpy as np
np.empty(2**45)
np.zeros(2**45)
np.ones(2**45, dtype='u1')
np.empty((2**20, 2**20), dtype='int32')
np.zeros((2**28, 2**20), dtype=bool)
np.full(2**45, 7.0)
np.empty(2**10).nbytes
1 / 0
1 // 0
5 % 0
1.0 / 0
np.arange(0, 1, 0)
np.arange(5)[1] / 0
print "hello"
a = 
a[1:2:3:4]
for x in range(3) print(x)
x = = 1
1 +
import numpy as np
np.arange(3)
