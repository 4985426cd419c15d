# Output history: _, __, ___ and Out[n] track displayed values only; errors and None skip them.
import numpy as np
np.arange(3)
_
_ + 1
__
___
a = np.arange(4)
a * 10
_ / 10
Out[3]
Out[9]
Out[4] is Out[3]
len(Out)
print('no output')
_
a.sum()
_ * 2
_15
_16 + _15
a[10]
_
[i for i in a]
type(_[0])
__
