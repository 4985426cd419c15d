# Seed 4 'Memory Efficiency of NumPy': itemsize*size is the buffer; elements are scalars.
import numpy as np
l = range(1000)
p = np.arange(1000)
print(p.itemsize * p.size)
len(l)
p = np.arange(10)
p.itemsize * p.size
q = p[0]
type(q)
q.itemsize * q.size
len(p)
[i for i in p]
type(_[0])
p[0].item()
type(_)
p.tolist()
type(p.tolist()[0])
p[3]
p[3] is p[3]
