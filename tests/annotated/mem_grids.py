# 2-d and higher views: the byte map, then the grid of each element's byte offset
# (offset + Σ iₖ·strideₖ), so the strides can be seen walking the buffer.
import numpy as np
a = np.arange(12)
m = a.reshape(3, 4)
%mem m
t = m.T
%mem t
col = m[:, 1]
sub = m[::2, 1:3]
%mem m sub
f = np.zeros((2, 3), order='F')
%mem f
z = np.zeros((4, 5, 6))
v = z[::-1, 1:, ::2]
%mem v
g = np.arange(400).reshape(20, 20)
%mem g
