# Copies and memory order: ndarray.copy() defaults to order='C', np.copy/np.array default to 'K'.
import numpy as np
f = np.zeros((2, 3), order='F')
f.strides
f.flags.f_contiguous
f.flags.c_contiguous
f.copy().strides
f.copy().flags.c_contiguous
np.copy(f).strides
np.copy(f).flags.f_contiguous
np.array(f).strides
f.copy(order='F').strides
f.copy(order='K').strides
f.copy(order='A').strides
np.copy(f, order='C').strides
np.array(f, order='C').strides
m = np.arange(6).reshape(2, 3)
m.T.copy().strides
np.copy(m.T).strides
np.array(m.T).strides
np.array(m.T, order='C').strides
m.T.copy(order='K').strides
np.copy(m[:, ::-1]).strides
m[:, ::-1].copy().strides
np.copy(m[::-1]).strides
np.array(m.T).flags.owndata
np.array(m.T).base is None
x = np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)
x.strides
x.copy().strides
np.copy(x).strides
