# Nested containers in IPython's pretty printer: inner groups stay on one line when they fit; outer ones break first.
import numpy as np
[list(range(10)) for _ in range(3)]
[list(range(10)) for _ in range(8)]
[list(range(30)), list(range(3))]
[[i] * i for i in range(12)]
{'a': list(range(20)), 'b': list(range(20))}
{'outer': {'inner': list(range(25))}}
{'m': [[1, 2], [3, 4]], 't': ((1, 2), (3, 4))}
[(i, str(i) * 5) for i in range(8)]
[(i, i * 1.5, 'x' * i) for i in range(6)]
((1, 2), [3, 4], {5: 6}, {7})
[{'id': i, 'v': [i] * 4} for i in range(4)]
[[[1, 2, 3]] * 3] * 3
l = [1, 2]
l.append(l)
l
d = {'self': None}
d['self'] = d
d
[np.arange(3), np.arange(3)]
[np.arange(20), np.arange(20)]
[np.arange(6).reshape(2, 3)]
{'a': np.arange(3), 'b': np.zeros((2, 2))}
(np.int64(5), np.float64(2.5), np.float32(0.1), np.uint8(7), np.bool_(True))
[np.arange(4)[i] for i in range(4)]
[np.float64(i) / 3 for i in range(12)]
(np.arange(4), 'tail')
[np.dtype('int64'), np.dtype('S3'), np.dtype('float32')]
[int, float, np.int64, np.ndarray]
[None, Ellipsis, ...]
[len, print]
[range(3), slice(1, 2), slice(None, None, -1)]
[1j, -2.5j, 1 + 2j]
['é', 'tab\t', "q'uote", 'q"uote']
[b'abc', b'\x00', bytearray if False else b'z']
