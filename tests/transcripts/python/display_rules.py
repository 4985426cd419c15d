# IPython display: Out only for non-None expression values; ';' hides it; print goes to stdout.
import numpy as np
1 + 1
x = 5
x
x;
print(x)
print(x);
None
print('a', 'b', 3)
print()
print(np.arange(3), 'end')
y = x * 2; y
y = 3; print(y); y + 1
'text'
"double"
b'bytes'
3.0
1e20
2 ** 100
True
[1, 2, 3]
(1, 2)
(1,)
()
{}
{'a': 1, 'b': [1, 2]}
[np.arange(3), np.arange(2)]
(np.int64(3), np.float64(2.5))
type(x)
type(1.5)
type('s')
type(None)
type(np.arange(3))
type(range(3))
