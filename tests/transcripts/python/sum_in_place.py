# sum() over lists and tuples: CPython's C-long and C-double loops, and what happens when an item leaves them (overflow, floats, bools, big ints, other types).
import numpy as np
import sys
sum([1, 2, 3]), sum((1, 2, 3)), sum([True, True, 5])
sum([sys.maxsize, 1]), sum([sys.maxsize, 1, -1]), sum((-sys.maxsize, -2))
sum([2**70, 1, 2]), sum([1, 2**70, 3])
sum([1, 2.5, 3]), sum([1.5, 2, True, 2**70]), sum([0.1] * 10)
sum([1, 2], 0.5), sum((0.5, 2**63, 1)), sum([1.0, 2**1000])
sum([1, 2j, 3]), sum([1, 2.0, 3j])
sum([1, np.int64(2), 3]), type(sum([1, np.int64(2)]))
sum([1, np.float64(2.5)]), type(sum([0.5, np.float64(2.5)]))
sum([[1], [2]], []), sum([(1,), (2,)], ())
sum([1, 'a'])
sum([1.5, None])
sum((), 7), sum([], 2.5)
sum([1, 2, 3], start=4)
l = list(range(10**5))
sum(l), sum(tuple(l)), sum(l[::-1]), sum(iter(l))
sum(reversed(l)), sum(x for x in l)
