# Tutorial cells that failed: a range as an index, np.set_printoptions(threshold=float('inf')) and other numbers, NumPy 2.0's removed names
import numpy as np
data = np.sin(np.arange(20)).reshape(5, 4)
ind = data.argmax(axis=0)
data[ind, range(data.shape[1])]
a = np.arange(10)
a[range(2, 8, 2)]
a[range(3)] = 7
a
a[(range(2),)]
b = np.arange(12).reshape(3, 4)
b[range(2), 1:3]
b[:, range(0)]
np.set_printoptions(threshold=float("inf"))
np.get_printoptions()['threshold']
print(np.arange(2000).reshape(2, 1000)[:, -3:])
np.arange(1001)[-2:]
np.set_printoptions(threshold=5.5)
np.arange(7)
np.get_printoptions()['threshold']
np.set_printoptions(threshold=-1)
np.arange(3)
np.set_printoptions(threshold='x')
np.set_printoptions(threshold=float('nan'))
np.set_printoptions(threshold=1000)
np.arange(1001)
np.lookfor
np.who
np.safe_eval
np.NINF
np.recfromcsv
np.DataSource
