# Cells that used to stop the whole session (issue 7): each now gives NumPy's or CPython's answer, and the variables survive.
import numpy as np
x = 1
np.array([-2**63]) // -1
np.array([-2**63]) % -1
divmod(np.array([-2**63]), -1)
np.floor_divide(np.array([-128], 'i1'), -1)
np.floor_divide(np.array([-2**31], 'i4'), -1)
np.floor_divide(np.array([-2**63, 7]), np.array([-1, -1]))
np.array([-2**63]) // np.int64(-1)
np.array([-128], 'i1') % -1
len('%.100000000f' % 1.5)
('%.100000f' % 1.5)[-3:]
len(f'{1.5:.{10**5}f}')
len(f'{1.5:.{10**5}e}')
f'{1.5:.{10**5}g}'
len('%.70000e' % 1.5)
('%.1200f' % 0.1)[-1200:-1100]
('%.1200f' % 5e-324)[1070:1080]
('%.1200e' % 5e-324)[:30]
('%#.1200g' % 0.1)[-5:]
len('%#.1200g' % 0.1)
('%.1150f' % 1e300)[:20]
format(1.5, '.10000000000f')
format(1.5, '.2147483648f')
format(1, '10000000000000000000000')
'{:10000000000000000000}'.format(1)
'%.10000000000f' % 1.5
'%10000000000000000000000d' % 1
'%*d' % (10**20, 1)
'%.*f' % (10**20, 1.5)
len('%*d' % (-5, 1))
'a'.center(10**20)
'a'.center(-5)
'a'.ljust(10**20)
'a'.zfill(10**20)
'\t'.expandtabs(10**20)
'a\tb'.expandtabs(4)
'a' * 10**20
[1] * 10**20
[] * 10**18
len('' * 10**18)
len(() * 10**18)
len(b'' * 10**18)
[] * -10**18
bytes(10**20)
bytes(-1)
bytes(3)
bytes(True)
x
np.array([[1, -0.0], [(), 4]])
np.array([[1, 2], [3, [4]]])
np.array([[[1], [2]], [[3], [4, 5]]])
np.array([[1, 2], [1, 2, 3]])
