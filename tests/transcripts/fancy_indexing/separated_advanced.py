# Several index arrays broadcast together; if a slice separates them, their dimensions go first.
import numpy as np
t = np.arange(24).reshape(2, 3, 4)
t[[0, 1], [1, 2], [2, 3]]
t[[0, 1], :, [2, 3]]
t[[0, 1], :, [2, 3]].shape
t[:, [0, 1], [2, 3]].shape
t[:, [0, 1], [2, 3]]
t[0, :, [1, 2]].shape
t[0, :, [1, 2]]
t[:, 0, [1, 2]].shape
t[:, 0, [1, 2]]
t[[1], :, 0].shape
t[0, [1, 2], :].shape
t[[[0], [1]], :, [[1, 2]]].shape
t[[[0], [1]], [[1, 2]]].shape
t[[[0], [1]], [[1, 2]]].strides
t[..., [0, 1], None].shape
t[[0, 1], ..., [0, 1]].shape
t[:, [[0, 1], [1, 2]]].shape
t[:, [[0, 1], [1, 2]]].strides
t[:, [[0, 1], [1, 2]]].flags.owndata
t[:, :, [0, 1]].strides
t[:, :, [0, 1]].flags['C_CONTIGUOUS']
t[[0, 1], [0, 1]].flags['C_CONTIGUOUS']
t[[0, 1], [0, 1, 2]]
t[[[0, 1], [1, 0]], [0, 1, 2]]
t[[0, 1], :, [0, 1, 2]]
t[[0, 5]]
t[:, [0, 3]]
t[:, :, [4]]
t[[0, 2], [9, 9]]
t[[0], [0], [0], [0]]
t[np.array([1.0])]
t[[1.0]]
t[[0, 'a']]
i = np.array([[0, 1], [1, 0]])
t[i, i].shape
t[i, :, i].shape
t[:, i, i].shape
t.T[i].strides
