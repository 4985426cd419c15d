# float16 (half precision): 2-byte floats that compute in float32 and round back after every operation.
import numpy as np
h = np.arange(5, dtype=np.float16)
h
h.dtype
h.itemsize
h.strides
h + 1
h * 0.1
h / 3
h // 2
h % 2
h ** 2
h ** 0.5
-h
abs(h - 2)
h == 2
h < 2.5
h.sum()
h.mean()
h.mean().dtype
h.prod()
h.cumsum()
h.max()
h.argmax()
np.float16(1) / 3
np.float16(0.1)
np.float16(0.1) + np.float16(0.2)
np.float16(65504) + np.float16(32)
np.float16(65504) * 2
np.float16(1e-8)
np.float16(2049)
np.array([0.1, 0.2, 0.3], dtype=np.float16).sum()
np.array([1000, 0.1], dtype=np.float16)
(h + np.float32(1)).dtype
(h + np.int8(1)).dtype
(h + np.int16(1)).dtype
(h + 1.5).dtype
(h + np.arange(5, dtype=np.uint8)).dtype
np.arange(0, 1, 0.25, dtype=np.float16)
np.linspace(0, 1, 5).astype(np.float16)
h.astype(np.int8)
np.array([70000.0, -70000.0]).astype(np.float16)
h.view(np.uint16)
np.array([1, 2], dtype='e')
np.array([1.5, np.nan, np.inf], dtype=np.float16)
np.float16(3.14159).item()
type(np.float16(3.14159).item())
h.tolist()
