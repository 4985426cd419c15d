# A list stores references to objects that live elsewhere; an array stores the values.
import numpy as np
import sys
p = np.arange(10)
sys.getsizeof(p)
p.itemsize * p.size
q = p[0]
sys.getsizeof(q)
l = [i for i in p]
sys.getsizeof(l)
sys.getsizeof(p.tolist())
sys.getsizeof(list(range(10)))
