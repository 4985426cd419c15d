# Methods of Python's and NumPy's types are registry rows: their pretty forms, signatures and argument errors
import numpy as np
import math, sys, time
[].append
[].pop
[1, 2, 3].index(2, 0, 5)
[3, 1, 2].sort(reverse=True)
l = [3, 1, 2]; l.sort(key=lambda x: -x); l
l.insert(0)
l.pop(1, 2)
l.index()
l.index(7)
l.copy(1)
{}.get
{}.keys
{}.pop()
dict.fromkeys
dict.fromkeys('ab', 0)
{}.fromkeys([1])
{1}.add
frozenset().union
'a'.upper
str.upper('abc')
str.upper
str.upper(1)
b'ab'.hex()
b'ab'.decode
(5).to_bytes(2, 'little')
(5).bit_length
True.real
(1.5).as_integer_ratio()
(1+2j).conjugate()
(1+2j).imag
range(1, 5).stop
slice(2).stop
np.arange(3).cumsum
np.arange(3).__len__()
np.int64(1).item
np.int64(7).__index__()
np.int64(7).is_integer()
np.dtype('i8').newbyteorder
np.float32(2).sum
math.sqrt
math.sqrt(4, 5)
math.log(8, 2)
math.log
math.floor(2.5)
sys.getsizeof
sys.getsizeof(1, 2, 3)
time.sleep()
time.time(1)
math.pi
sys.maxsize
