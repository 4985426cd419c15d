# dtype views of F-ordered and transposed arrays: only the LAST axis may change length.
import numpy as np
f = np.arange(6, dtype='u2').reshape(2, 3, order='F')
f
f.strides
f.view('u2').strides
f.view('i2')
f.view('u1')
f.T.view('u1')
f.T.view('u1').shape
f.T.view('u1').strides
f.T.view('u4')
np.zeros((4, 2), dtype='u1', order='F').T.view('u4')
np.zeros((4, 2), dtype='u1', order='F').T.view('u4').strides
np.zeros((1, 4), dtype='u1', order='F').view('u4')
np.zeros((1, 4), dtype='u1', order='F').flags.c_contiguous
np.zeros((4, 1), dtype='u1', order='F').view('u2')
np.zeros((4, 1), dtype='u1', order='F').view('S1').shape
c = np.arange(4, dtype='u1').reshape(2, 2)
c.T.view('u2')
c.T.copy().view('u2')
c.T.copy(order='C').view('u2').base is None
