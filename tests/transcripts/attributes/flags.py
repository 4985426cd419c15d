# .flags: contiguity, ownership and writeability for owners, views, transposes and copies.
import numpy as np
a = np.arange(6).reshape(2, 3)
a.flags
a.flags['C_CONTIGUOUS']
a.flags['F_CONTIGUOUS']
a.flags['OWNDATA']
a.flags['WRITEABLE']
a.flags.c_contiguous
a.flags.f_contiguous
a.flags.owndata
a.flags.writeable
a.base.flags.owndata
a.T.flags
a[:, 1].flags
a[:, 1].flags.c_contiguous
a[1].flags.c_contiguous
a[:, :1].flags.c_contiguous
a[:, :1].flags.f_contiguous
a[::-1].flags.c_contiguous
np.zeros(1).flags.f_contiguous
np.zeros((2, 1)).flags.f_contiguous
np.zeros((0, 3)).flags.f_contiguous
np.array(5).flags.c_contiguous and np.array(5).flags.f_contiguous
a.copy().flags
a.flags['C']
a.flags['CONTIGUOUS']
a.flags.aligned
a.flags['ALIGNED']
type(a.flags['OWNDATA'])
