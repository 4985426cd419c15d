# .base, is, id-equality and the seed's __array_interface__ questions, without printing addresses.
import numpy as np
a = np.arange(5)
{k: v for k, v in a.__array_interface__.items() if k != 'data'}
a.__array_interface__['typestr']
a.__array_interface__['descr']
a.__array_interface__['version']
a.__array_interface__['data'][1]
b = a[1:]
b.__array_interface__['data'][0] - a.__array_interface__['data'][0]
c = a.copy()
c.__array_interface__['data'][0] == a.__array_interface__['data'][0]
id(a) == id(a)
id(a) == id(a[:])
a is a[:]
a[:].base is a
i = a[1]
sorted(i.__array_interface__)
i.__array_interface__['shape']
i.__array_interface__['__ref']
type(i.__array_interface__['__ref'])
i.__array_interface__['data'][0] == a.__array_interface__['data'][0] + 8
x, y = 100, 'b'
alist = [x, y, {}]
id(alist[0]) == id(x)
alist[0] is x
arr = np.array([x, 200])
arr[0] is x
arr[0] == x
m = np.arange(6, dtype='u1').reshape(2, 3)
m.__array_interface__['typestr']
m.__array_interface__['shape']
m.T.__array_interface__['strides']
np.zeros(2, dtype='S3').__array_interface__['typestr']
np.zeros(2, dtype=bool).__array_interface__['descr']
np.zeros(2, dtype='>i4').__array_interface__['typestr']
