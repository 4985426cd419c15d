# np.block assembles an array from nested lists of blocks: the innermost lists join along the last axis, outer lists along earlier ones.
import numpy as np
A = np.eye(2) * 2
B = np.eye(3) * 3
np.block([[A, np.zeros((2, 3))], [np.ones((3, 2)), B]])
np.block([1, 2, 3])
a = np.array([1, 2, 3])
b = np.array([4, 5, 6])
np.block([a, b, 10])
np.block([[a], [b]])
np.block([[a, 7], [b, 8]])
C = np.ones((2, 2), int)
np.block([C, 2 * C])
np.block([[C], [2 * C]])
np.block([np.array(0)])
np.block([[np.array(0)]])
np.block([[[1, 2], [3, 4]]])
np.block([[1, 2], [3, 4]]).dtype
np.block([np.arange(2), np.array([0.5])])
np.block([np.array([True]), np.array([2], dtype=np.uint8)])
x = np.arange(3)
y = np.block(x)
y, y is x, np.shares_memory(x, y)
np.block(5)
np.block([[np.arange(4).reshape(2, 2), np.arange(2).reshape(2, 1)], [np.arange(3)]])
np.block([[np.zeros((2, 2, 2))], [np.ones((1, 2, 2))]]).shape
np.block([[[np.zeros((1, 1, 1))]]]).shape
np.block([np.zeros((2, 0)), np.ones((2, 1))])
np.block([[a, b], a])
np.block([a, [b]])
np.block([[a], [b, [a]]])
np.block([])
np.block([[a], []])
np.block([[]])
np.block((a, b))
np.block([a, (a, b)])
np.block([[a, b], [np.arange(4)]])
np.block([[np.ones((2, 2)), np.ones((3, 3))]])
np.block([[np.ones((2, 2))], [np.ones((2, 3))]])
np.block([np.ones((2, 2)), 1])
np.block([[np.ones(2)], np.ones(2)])
np.block(['a', 'bc'])
r = np.block([[np.zeros((600, 600)).T, np.ones((600, 1))]])
r.shape, r.flags.f_contiguous, r.flags.c_contiguous, r[0, -2:]
s = np.block([[np.zeros((3, 2)).T]])
s.flags.f_contiguous, s.flags.c_contiguous
