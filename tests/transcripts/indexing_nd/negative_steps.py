# Negative steps and clamping: reversed views start at the last element; out-of-range stops clamp.
import numpy as np
a = np.arange(10)
a[::-1]
a[::-1].strides
a[::-1].__array_interface__['data'][0] - a.__array_interface__['data'][0]
a[8:2:-2]
a[8:2:-2].__array_interface__['data'][0] - a.__array_interface__['data'][0]
a[-1:-11:-1]
a[-1:-100:-3]
a[100:-100:-1]
a[-100:100]
a[5:100]
a[-3:]
a[:-3]
a[3:3]
a[7:3]
a[7:3].shape, a[7:3].strides
a[7:3].__array_interface__['data'][0] - a.__array_interface__['data'][0]
a[::-1][::-1].strides
a[::-1][::-1].base is a
a[::2][::-1]
a[::2][::-1].strides
a[::-3][::-2]
m = np.arange(12).reshape(3, 4)
m[::-1, ::-1]
m[::-1, ::-1].strides
m[::-1, ::-1].__array_interface__['data'][0] - m.__array_interface__['data'][0]
m[::-1, ::-1].flags['C_CONTIGUOUS']
m[:, ::-2]
m[-1::-2, 3:0:-1]
m[-1::-2, 3:0:-1].strides
m[10:, :]
m[10:, :].shape
m[:, -10:2]
m.T[::-1]
m.T[::-1].strides
r = m[::-1]
r[0] = -1
m
r.base is m.base
m[1:][::-1][0]
np.arange(5)[True:3]
m[:, 1:-1:1]
