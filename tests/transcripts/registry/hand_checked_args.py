# Callables whose CPython/NumPy C code checks the first argument by hand, now bound from
# their registry specs: operator's getters, functools.partial, ndarray.resize's keywords
# and the per-type is_integer of NumPy's scalars.
import operator, functools
import numpy as np
operator.itemgetter()
operator.itemgetter(k=1)
operator.itemgetter(1, 2, k=3)
operator.itemgetter(1)([5, 6])
operator.itemgetter(0, 1)('ab')
operator.attrgetter()
operator.attrgetter('a', k=1)
operator.attrgetter(1)
operator.attrgetter('a', 1)
operator.attrgetter('real', 'imag')(3)
operator.methodcaller()
operator.methodcaller(name='upper')
operator.methodcaller(1)
operator.methodcaller('split', ',', maxsplit=1)('a,b,c')
functools.partial()
functools.partial(func=len)
functools.partial(1)
functools.partial(int, base=2)('101')
a = np.arange(6)
a.resize(3, k=1)
a.resize(3, refcheck=1, k=2)
a.resize(2, 3, refcheck=False)
a
np.float64(1).is_integer(1)
np.float32(1).is_integer(x=1)
np.float16(1).is_integer(1, 2)
np.int64(1).is_integer(1)
np.int8(1).is_integer(x=1)
np.float32(2.0).is_integer(), np.float64(2.5).is_integer(), np.uint8(3).is_integer()
# found by the random cells: coordinate arrays of different lengths
np.ravel_multi_index(([3, 6, 6], [4, 5]), (4, 16), mode='clip')
np.ravel_multi_index(([3], [4, 5, 1]), (4, 16))
np.ravel_multi_index(([[1], [2]], [4, 5, 1]), (4, 16))
