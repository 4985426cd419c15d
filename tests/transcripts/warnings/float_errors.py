# Floating-point errors: divide by zero, overflow and invalid value each warn once per line, named after the ufunc (scalar math says `scalar`).
import numpy as np
np.array([1.0, 0.0, -1.0]) / 0
np.array([1.0, 2.0]) / np.array([0.0, 1.0])
1 / np.array([0.0])
np.float64(1.0) / 0
np.float64(0.0) / 0
1.0 / np.float64(0)
np.float32(1) / 0
np.array([1e308]) * 10
np.float64(1e308) + 1e308
np.float64(2.0) ** 1024
np.array([10.0]) ** 400
np.array([0.0]) ** -1
np.array([-1.0]) ** 0.5
np.float64(-8) ** (1 / 3)
np.array([np.inf]) - np.inf
np.array([np.inf]) * 0
np.float64(np.inf) / np.inf
np.array([np.nan]) + 1
np.array([np.inf]) * 2
np.array([np.nan]) > 0
np.maximum(np.array([np.nan, 1.0]), 0.5)
np.array([1.0]) // 0
np.array([1.0]) % 0
np.float64(1.0) // 0
divmod(np.float64(1.0), 0)
np.sqrt(np.array([4.0, -1.0]))
np.sqrt(-1.0)
np.sqrt(np.int8(-1))
np.log(np.array([1.0, 0.0, -1.0]))
np.log10(0)
np.log2(0.0)
np.exp(np.array([1.0, 1000.0]))
np.exp(-1000.0)
np.sin(np.inf)
np.square(np.array([1e200]))
np.reciprocal(np.array([0.0, 2.0]))
np.float16(65504) + np.float16(65504)
np.float16(60000) * 2
np.array([60000], dtype=np.float16) * 2
np.float32(3e38) * np.float32(10)
np.float64(1e308) * np.float32(10)
np.float16(1) / np.int16(0)
np.int8(1) / 0.0
np.array([1 + 1j]) / 0
np.complex128(1) / 0
np.array([0j]) / 0
np.array([1e308 + 0j]) * 10
np.float64(1e-300) * 1e-300
np.sum(np.array([1e308, 1e308]))
np.array([1e308, 1e308]).mean()
np.cumsum(np.array([1e308, 1e308]))
np.array([np.inf, -np.inf]).sum()
np.array([]).mean()
np.array([1.0]).std(ddof=1)
np.array([1.0, 2.0]).var(ddof=2)
a = np.array([1.0, 2.0])
a /= 0
a
x = (np.float64(1) / 0, np.float64(2) / 0)
np.float64(1) / 0; np.float64(0) / 0; np.float64(1) / 0
print('printed first'); np.float64(1) / 0
np.float64(1) / 0; 1 / 0
for v in [1.0, 2.0, 0.0]:
    r = np.float64(v) / 0
r
