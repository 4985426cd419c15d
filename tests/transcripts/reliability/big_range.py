# Ranges longer than sys.maxsize: indexing and slicing work, len() is an OverflowError, as in CPython (issue 7).
import numpy as np
[ｉ for i in range(3)]
r = range(10**30)
r[-1]
r[10**29]
len(r)
r[-10**30]
r[-10**30-1]
r[10**30]
list(reversed(range(-2**127, 2**127-1, 2**126)))
range(-10**38, 10**38)[-1]
len(range(-10**38, 10**38))
range(0, 10**38, 10**37)[3:5]
list(range(5)[::-1])
range(10**30)[::2]
range(10**30)[10**29:10**29+5]
range(10**30)[::-10**29]
range(10**30)[-2:]
10**29 in range(10**30)
range(5)[-6]
5 in range(0, 10, 5)
-5 in range(0, -10, -5)
-4 in range(0, -10, -5)
3.0 in range(5)
True in range(2)
{1, 2} and 2 in {1, 2}
[1] in {1, 2}
