# datetime64 with NumPy functions: isnat, datetime_as_string, min/max, diff, sort, unique, item assignment
import numpy as np
d = np.datetime64('2024-01-15')
d.astype('datetime64[M]')
d + 1
np.isnat(np.array(['NaT', '2024-01-01'], dtype='M8[D]'))
np.array([np.datetime64('2024-01-01'), np.datetime64('2024-01-02')])
np.datetime_as_string(np.arange('2024-01', '2024-03', dtype='M8[M]'))
np.array(['2024-01-01', '2024-01-05'], dtype='datetime64[D]').max()
(np.datetime64('2024-03-01') - np.datetime64('2024-02-01')).astype(int)
np.diff(np.array(['2024-01-01', '2024-01-05', '2024-02-01'], dtype='datetime64[D]'))
np.timedelta64(1, 'D') / np.timedelta64(1, 'h')
a = np.zeros(3, dtype='datetime64[D]')
a
a[1] = '2024-05-05'
a
np.sort(np.array(['2024-03-01', '2024-01-01'], dtype='M8[D]'))
np.unique(np.array(['2024-03-01', '2024-01-01', '2024-03-01'], dtype='M8[D]'))
np.empty(2, dtype='m8[s]').dtype
np.isnat(np.arange(3))
np.isnat(np.datetime64('NaT'))
np.datetime_as_string(np.array(['2024-01-01T10:00'], dtype='M8[m]'))
np.datetime_as_string(np.arange(3))
np.array(['2024-03-01', 'NaT'], dtype='M8[D]').min()
np.array([5, 7], dtype='m8[s]').max()
