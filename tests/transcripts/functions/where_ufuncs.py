# np.where, the float ufuncs as functions, the float predicates
import numpy as np
a = np.arange(6).reshape(2, 3)
np.where(a > 2, a, -1)
np.where(a % 2 == 0, 1, 0)
np.where(a > 2, 1.5, a)
np.where(a > 2)
np.where([True, False, True], [1, 2, 3], [10, 20, 30])
np.where(np.array([1, 0, 2]))
np.where(True, 1, 2)
f = np.array([1.0, 2.5, -0.5], dtype=np.float32)
np.where(f > 0, f, 0)
np.where(f > 0, f, 0).dtype
np.where(a > 2, a)
x = np.array([0.0, 1.0, 2.0, 10.0])
np.exp(x)
np.log(np.array([1.0, 10.0, 100.0]))
np.log2(np.array([1, 2, 8, 1024]))
np.log10(np.array([1, 10, 1000]))
np.sin(np.array([0.0, 1.0]))
np.cos(np.array([0.0, 1.0]))
np.tan(np.array([0.0, 1.0]))
np.exp(np.arange(3)).dtype
np.exp(np.arange(3, dtype=np.int8)).dtype
np.exp(np.arange(3, dtype=np.int16)).dtype
np.exp(f).dtype
np.exp(0)
np.log(1.0)
np.log(np.array([0.0, -1.0]))
g = np.array([-1.5, -0.5, 0.5, 1.5, 2.7])
np.floor(g)
np.ceil(g)
np.trunc(g)
np.floor(np.arange(3)).dtype
np.floor(f)
n = np.array([1.0, np.nan, np.inf, -np.inf])
np.isnan(n)
np.isinf(n)
np.isfinite(n)
np.isnan(np.arange(3))
np.isfinite(1.0)
np.isnan(np.nan)
n[np.isfinite(n)]
