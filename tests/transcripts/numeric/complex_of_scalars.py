# complex() of NumPy's complex scalars keeps the imaginary part (np.complex128 is a Python complex).
import numpy as np
complex(np.complex128(1 + 2j))
complex(np.complex64(1 + 2j))
complex(1 + 2j, 3j)
complex(np.float32(2), np.complex128(1j))
complex(1j, -0.0)
str(complex(1, -0.0))
[complex(v) for v in np.array([1 + 1j, -2.5j])]
