# datetime64/timedelta64: scalars, units, arrays, arange over days and months, arithmetic, casts between units
import numpy as np
d = np.datetime64('2024-01-15')
d
print(d)
d.dtype
np.datetime64('2024-01')
np.datetime64('2024')
np.datetime64('2024-03-02T12')
np.datetime64('2024-03-02T12:30')
np.datetime64('2024-03-02T12:30:05')
np.datetime64('2024-03-02T12:30:05.123')
np.datetime64('2024-01-15', 'h')
np.datetime64('2024-01-15', 'W')
np.datetime64('NaT')
np.datetime64('nat', 'D')
np.timedelta64(3, 'D')
print(np.timedelta64(3, 'D'))
np.timedelta64(1, 'h')
print(np.timedelta64(90, 'm'))
np.timedelta64('NaT')
np.timedelta64(5)
np.datetime64(5, 'D')
a = np.array(['2024-01-01', '2024-02-29', 'NaT'], dtype='datetime64[D]')
a
a.dtype
a.itemsize
a.strides
print(a)
b = np.arange('2024-01', '2024-03', dtype='datetime64[M]')
b
c = np.arange('2024-01-28', '2024-02-03', dtype='datetime64[D]')
c
c[1:] - c[:-1]
c - c[0]
c + np.timedelta64(1, 'W')
c[0] < c[1]
c > np.datetime64('2024-01-30')
d - np.datetime64('2024-01-01')
d + np.timedelta64(12, 'h')
d - 3
a.astype('datetime64[M]')
a.astype('datetime64[s]')
b.astype('datetime64[D]')
np.datetime64('2024-02', 'D')
np.dtype('M8[D]')
np.dtype('m8[s]')
np.dtype('datetime64')
np.array([1, 2, 3], dtype='timedelta64[D]')
np.timedelta64(3, 'D') / np.timedelta64(12, 'h')
np.timedelta64(3, 'D') * 2
a.view('i8')
np.datetime64('2024-01-15') == np.datetime64('2024-01-15T00')
np.datetime64('2024-13-01')
