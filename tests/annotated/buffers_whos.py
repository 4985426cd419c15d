# Who shares what: %buffers lists every buffer with the names using it and their byte
# ranges; %whos adds a memory column; %mem of a value without a buffer says so.
import numpy as np
a = np.arange(10)
b = a
c = a.view()
d = a[2:8:2]
m = a.reshape(2, 5)
z = np.zeros((2, 3))
t = z.T.reshape(6)
f = np.frombuffer(b'abcd', 'u1')
i = a[1]
alist = [1, 'b', {}]
n = 5
%buffers
%whos
%mem i
%mem alist
%mem n
np.lib.array_utils.byte_bounds(d)
d.ctypes.data - a.ctypes.data
