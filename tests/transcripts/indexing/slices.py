# Slices with every kind of start/stop/step: clamping, negative steps, empty results.
import numpy as np
a = np.arange(10)
a[2:5]
a[:3]
a[7:]
a[-3:]
a[:-3]
a[::2]
a[1::2]
a[::3]
a[::-1]
a[::-2]
a[8:2:-2]
a[-2:-8:-3]
a[5:100]
a[-100:3]
a[100:]
a[5:2]
a[5:5]
a[5:2].shape
a[:0]
a[::-1][:3]
a[2:8][::-1]
a[2:8][::-1].strides
a[::-3].strides
a[1:9:4]
a[9:0:-4]
a[9::-4]
a[:-100:-1]
a[-1:-100:-1].shape
a[slice(2, 6)]
a[slice(None, None, -5)]
a[2:3]
a[2:3].shape
a[2]
len(a[3:7])
a[::0]
