# Ufunc objects have methods: reduce, accumulate, reduceat, outer and at (unbuffered in place).
import numpy as np
a = np.arange(1, 7).reshape(2, 3)
np.add.reduce(a)
np.add.reduce(a, axis=1)
np.add.reduce(a, axis=None)
np.multiply.reduce(a, axis=1)
np.maximum.reduce(a, axis=1, keepdims=True)
np.minimum.reduce([4, 2, 8])
np.add.reduce(np.array([1, 2], dtype=np.int8))
np.subtract.reduce([10, 1, 2])
np.subtract.reduce(a, axis=1)
np.power.reduce([2, 3, 2])
np.logical_and.reduce([True, True, False])
np.logical_or.reduce(np.array([[0, 0], [0, 1]]), axis=0)
np.bitwise_or.reduce(np.array([1, 2, 8]))
np.maximum.reduce([])
np.add.reduce([])
np.multiply.reduce([])
np.subtract.reduce([])
np.add.reduce([1, 2, 3], initial=10)
np.sqrt.reduce([1, 4])
np.add.accumulate([1, 2, 3, 4])
np.multiply.accumulate([1, 2, 3, 4])
np.add.accumulate(a)
np.add.accumulate(a, axis=1)
np.subtract.accumulate([10, 1, 2])
np.maximum.accumulate(np.array([1, 3, 2, 5, 4]))
np.minimum.accumulate([5.0, 3.0, 4.0, 1.0])
np.logical_or.accumulate([False, True, False])
np.add.accumulate(np.array([1, 2], dtype=np.int8))
np.add.reduceat(np.arange(8), [0, 4, 1, 5])
np.multiply.reduceat(np.arange(1, 9), [0, 2, 5])
np.maximum.reduceat(np.array([3, 1, 4, 1, 5, 9]), [0, 3])
np.add.reduceat(np.arange(8), [0, 10])
np.multiply.outer([1, 2, 3], [1, 10])
np.add.outer(np.arange(3), np.arange(4))
np.subtract.outer([5, 6], [1, 2, 3]).shape
np.equal.outer([1, 2], [2, 1])
np.add.outer(np.ones((2, 2)), [1, 2, 3]).shape
np.sqrt.outer([1], [2])
x = np.arange(5)
np.add.at(x, [0, 0, 1, 3], 10)
x
np.add.at(x, [0, 1], [100, 200])
x
np.negative.at(x, [1, 2])
x
np.multiply.at(x, 4, 2)
x
y = np.zeros(3)
np.add.at(y, np.array([0, 2, 0, 0]), 1)
y
y[[0, 0, 0]] += 1
y
np.add.reduce, np.add.accumulate
