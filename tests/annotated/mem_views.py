# %mem's byte map for 1-d views: the owner's elements group the bytes under an offset ruler,
# each array on the buffer is a row with its element indices at their first bytes.
import numpy as np
a = np.arange(10)
b = a
c = a.view()
d = a[2:8:2]
# one name: every name sharing the buffer is drawn
%mem d
# several names: only those (and the owner)
%mem a d
# negative strides: the row runs backwards
r = a[::-1]
%mem a r
# an empty view covers no bytes
e = a[5:5]
%mem e
# a 0-d array
z0 = np.array(5)
%mem z0
# memory owned by a bytes object
f = np.frombuffer(b'abcdefgh', 'u1')
%mem f
%mem nothing
