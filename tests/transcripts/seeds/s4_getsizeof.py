# Seed 4 'Memory Efficiency of NumPy' with its getsizeof cells: a scalar taken out of an array is a 32-byte object.
import numpy as np
import sys
l = range(1000)
print(sys.getsizeof(l[3]) * len(l))
p = np.arange(1000)
print(p.itemsize * p.size)
print(sys.getsizeof(p[3]) * len(p))
p = np.arange(10)
sys.getsizeof(p)
p.itemsize * p.size
q = p[0]
type(q)
q.itemsize * q.size
sys.getsizeof(q)
sys.getsizeof(p[3]) * len(p)
[i for i in p]
type(_[0])
sys.getsizeof(__)
p[0].item()
type(_)
sys.getsizeof(p[0].item())
sys.getsizeof(p.tolist())
sys.getsizeof(list(p))
sys.getsizeof([i for i in p]) + sum(sys.getsizeof(i) for i in p)
sys.getsizeof(p.tolist()) + sum(sys.getsizeof(i) for i in p.tolist())
[x is y for x, y in zip(p.tolist(), list(range(10)))]
p[3] is p[3], p.tolist()[3] is p.tolist()[3]
