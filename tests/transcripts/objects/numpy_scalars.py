# NumPy scalars: every arr[i] is a NEW numpy.int64 object with array-like attributes; .item() gives a Python int.
import numpy as np
arr = np.arange(5)
i = arr[1]
i
type(i)
i.itemsize
i.size
i.dtype
i.shape
i.ndim
i.nbytes
i.strides
i.item()
type(i.item())
i.item() is 1
i.tolist()
type(i.tolist())
{k: v for k, v in i.__array_interface__.items() if k != 'data'}
i.__array_interface__['__ref']
type(i.__array_interface__['__ref'])
i.__array_interface__['data'][1]
i.__array_interface__['typestr']
sorted(i.__array_interface__)
sorted(arr.__array_interface__)
i is arr[1]
arr[1] is arr[1]
arr[1] == arr[1]
j = arr[1]
i is j, i == j
id(i) == id(j)
i + 1
type(i + 1)
i * 2.5
type(i * 2.5)
i + i
type(i + i)
i / 2
type(i / 2)
i // 2
-i
i ** 3
i == 1
type(i == 1)
i > 0
i + True
arr[1] = 10
i
arr[1]
f = np.arange(3.0)[2]
f
type(f)
f.item()
type(f.item())
f.itemsize
f.__array_interface__['typestr']
b = np.array([True, False])[0]
b, type(b), b.itemsize
b.item(), type(b.item())
u = np.arange(3, dtype=np.uint8)[2]
u, type(u), u.itemsize, u.dtype
u.__array_interface__['typestr']
u.__array_interface__['__ref']
p = np.arange(10)
p.tolist()
type(p.tolist()[0])
[type(x) for x in p.tolist()[:2]]
[i for i in p]
type(_[0])
[type(x) for x in p[:2]]
list(p[:3])
type(list(p[:3])[0])
np.arange(3.0).tolist()
np.array([[1, 2], [3, 4]]).tolist()
np.array([True, False]).tolist()
p[0].item()
type(_)
int(p[3]), float(p[3])
type(int(p[3])), type(float(p[3]))
p[3].item() + 1
np.int64(7) is np.int64(7)
np.int64(7) == 7
