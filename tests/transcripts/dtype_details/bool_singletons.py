# np.True_ and np.False_ are NumPy's two np.bool scalars: every np.bool value is one of them.
import numpy as np
np.True_
np.False_
print(np.True_, np.False_)
str(np.True_), repr(np.False_)
type(np.True_)
type(np.True_) is np.bool_
np.True_ is np.bool_(1)
np.False_ is np.bool_(0)
np.True_ is np.bool_(True)
np.True_ is True
np.True_ == True
np.array([1, 2, 3]).any() is np.True_
(np.array([1, 2]) > 5)[0] is np.False_
np.bool_(3) is np.True_
np.True_ + 1
np.True_ + np.True_
np.True_ * 2.5
~np.True_
~np.False_
-np.True_
not np.True_
np.True_ & np.False_
np.True_ | np.False_
np.True_ ^ np.True_
int(np.True_), float(np.False_), bool(np.False_)
np.True_.dtype
np.True_.item()
type(np.True_.item())
np.False_.itemsize, np.False_.nbytes, np.False_.ndim, np.False_.shape
hash(np.True_), hash(np.False_)
{np.True_: 'yes'}[True]
np.array([np.True_, np.False_])
np.array([np.True_, 2])
if np.False_:
    print('truthy')
else:
    print('falsy')
sum([np.True_, np.True_, np.False_])
np.True_.__class__.__name__
isinstance(np.True_, np.generic), isinstance(np.True_, bool), isinstance(np.True_, int)
from numpy import True_, False_
True_ is np.True_
f"{np.True_} {np.False_!r}"
np.where(np.True_, 1, 2)
