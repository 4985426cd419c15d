# Equal numbers are one set member and one dict key, whatever their type (int, float, bool, NumPy scalars); ints compare with floats exactly (issue 7).
import numpy as np
{1, 1.0, True, np.int64(1)}
{np.int64(1): 'a', 1: 'b'}
{1.0: 'x', 1: 'y', True: 'z'}
d = {}; d[np.int64(1)] = 'a'; d[1] = 'b'; d
d[1.0]
d[np.float32(1)]
s = set(); s.add(np.uint8(2)); s.add(2); s.add(2.0); s
{np.float64(0.5), 0.5, np.float32(0.5), 1+0j, np.complex128(1)}
{np.uint64(2**64-1), 2**64-1, np.int8(-1), -1}
np.int64(1) in {1: 2}
1 in {np.int64(1)}
{np.nan, float("nan")}
{np.str_('a'), 'a'}
{np.bytes_(b'a'), b'a'}
10**400 == 1.0
1.0 == 10**400
10**400 < 1e308
10**400 > float('inf')
-10**400 < float('-inf')
2**53 + 1 == 2.0**53
2**53 + 1 > 2.0**53
1 == 1.5
float('nan') == 1
1 < 1+0j
1 == 1+0j
{2**53 + 1, 2.0**53}
