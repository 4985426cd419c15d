# The byte offset of a view into its base is deterministic: data pointer minus the base's pointer.
import numpy as np
a = np.arange(12, dtype='int32')
p = a.__array_interface__['data'][0]
a[3:].__array_interface__['data'][0] - p
a[::-1].__array_interface__['data'][0] - p
a[-1:].__array_interface__['data'][0] - p
a[5::-2].__array_interface__['data'][0] - p
a[12:].__array_interface__['data'][0] - p
a[100:].__array_interface__['data'][0] - p
m = a.reshape(3, 4)
m.__array_interface__['data'][0] - p
m[1].__array_interface__['data'][0] - p
m[:, 2].__array_interface__['data'][0] - p
m[2, 3:].__array_interface__['data'][0] - p
m[::-1, ::-1].__array_interface__['data'][0] - p
m.T.__array_interface__['data'][0] - p
m[1:, 1:].T.__array_interface__['data'][0] - p
b = np.arange(8, dtype='u1')
q = b.__array_interface__['data'][0]
b[4:].view('u2').__array_interface__['data'][0] - q
b[1:7].view('S3').__array_interface__['data'][0] - q
b[::-1][2:].__array_interface__['data'][0] - q
a[3:].__array_interface__['shape']
a[3:].__array_interface__['strides']
a[::-1].__array_interface__['strides']
m[:, 2].__array_interface__['strides']
m.__array_interface__['strides']
m.T.__array_interface__['strides']
m.__array_interface__['data'][1]
{k: v for k, v in m[:, ::2].__array_interface__.items() if k != 'data'}
