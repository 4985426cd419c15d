# IPython's input history: In, _i, _ii, _iii and _iN hold the cells as typed; %history lists them.
import numpy as np
a = np.arange(6)
b = [1, 2, 3]
In
_i
_ii
_iii
_i2
In[3]
len(In)
_i7 == In[7]
for k in range(2):
    c = k

In[-1]
%history -n 2-4
%history 1:3
%history -n -l 3
%history -p 13
%history -n 3 5
_i
