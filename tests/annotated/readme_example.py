# The README's example: keep the two in step.
import numpy as np
a = np.arange(10)
b = a[2:8:2]
b
b[0] = 99
a
for i in a[:4]: print(id(i))
%mem b
