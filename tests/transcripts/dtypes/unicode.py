# Unicode strings U<n>: 4 bytes per character (UTF-32), fixed width, truncation on assignment, comparisons.
import numpy as np
u = np.array(['a', 'bcd', 'ef'])
u
u.dtype
u.itemsize
u.strides
u.dtype.str
u.dtype.kind
u.dtype.char
u.dtype.name
u.nbytes
u[1]
type(u[1])
u[0] = 'xyzzy'
u
u == 'ef'
u < 'b'
u + '!'
u.tobytes()
u.view('u1')
u.view('<u4')
np.array(['héllo'])
np.array(['héllo']).itemsize
np.array(['a', 'b'], dtype='U5')
np.array(['a', 'b'], dtype='U5').dtype
np.dtype('U3')
np.dtype('U3').itemsize
np.dtype('<U3').str
np.dtype('>U3').byteorder
np.dtype(str)
np.array([1, 22, 333]).astype(str)
np.array([1.5, 2.0]).astype('U3')
np.array(['1', '2']).astype(int)
np.array(['ab', 'cd']).astype('S')
np.array([b'ab', b'cd']).astype('U')
np.zeros(2, dtype='U2')
np.empty(0, dtype='U4').dtype
u.max()
u.argmin()
u.tolist()
np.array(['x']) == np.array([b'x'])
np.array(['abc']).view('U1')
np.array(['abc'], dtype='U3')[0][1:]
np.array(['abc'])[0][0]
np.array([b'abc'])[0][1:]
np.array(['abc'])[0][5]
np.str_('abc')
np.str_('abc').dtype
np.str_(5)
np.bytes_(b'ab')
np.bytes_(b'ab').dtype
np.dtype('>U')
np.dtype('U536870911').itemsize
np.dtype('U536870912')
np.dtype('S2147483648')
