# datetime64/timedelta64: errors, NaT, unit casts by the calendar, views and strides of M8 arrays, dtype attributes
import numpy as np
np.datetime64(5)
np.datetime64('2024-01-15', 'x')
np.datetime64('2024-1-01')
np.datetime64('2023-02-29')
np.datetime64('2024-01-15') + np.datetime64('2024-01-15')
np.timedelta64(3, 'D') + np.timedelta64(4, 'h')
np.timedelta64(1, 'W') // np.timedelta64(2, 'D')
np.datetime64('NaT') == np.datetime64('NaT')
np.datetime64('NaT') != np.datetime64('NaT')
np.datetime64('2024-01-15') - np.datetime64('NaT')
t = np.array([1, 2, 'NaT'], dtype='m8[h]')
t
t * 2
t.astype('m8[m]')
str(np.timedelta64(1, 'Y'))
d = np.arange('2024-02-26', '2024-03-03', dtype='M8[D]')
d.astype('M8[M]')
d.astype('M8[Y]')
d.astype(str)
d.astype('i8')
d.view('i8')
d[::2]
d[::2].strides
d.reshape(5, 1) - d[:2]
np.arange('2024-01-01', '2024-01-10', 3, dtype='datetime64[D]')
np.arange(np.datetime64('2024-01-01'), np.datetime64('2024-01-04'))
isinstance(d[0], np.datetime64)
type(d[0])
d[0].dtype
d.dtype.str
d.dtype.name
d.dtype.kind
d.dtype.char
np.dtype('M8[D]') == np.dtype('datetime64[D]')
np.dtype('<m8[us]')
np.array(['2024-01-01T10:00', '2024-01-01T11:30'], dtype='datetime64[m]')
np.datetime64('2024-01-15T10:20:30.456789')
np.datetime64('2024-01-15T10:20:30.456789', 'ms')
np.datetime64('1969-07-20T20:17')
np.datetime64('-0044-03-15')
