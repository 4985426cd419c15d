# concatenate/stack/vstack/hstack always copy into a new array laid out in the inputs' memory order.
import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6, 12).reshape(2, 3)
np.concatenate((a, b))
np.concatenate([a, b], axis=1)
np.concatenate((a, b), axis=-1).shape
np.concatenate((a, b), axis=None)
c = np.concatenate((a, b))
c.flags.owndata, np.shares_memory(c, a)
c.strides
np.concatenate((a.T, b.T)).strides
np.concatenate((a.T, b.T), axis=1).strides
np.concatenate((a[:, ::2], b[:, ::2])).strides
np.concatenate((a, a[:1]))
np.concatenate(([1, 2], [3.5]))
np.concatenate((np.zeros(2, np.uint8), np.zeros(2, np.int8))).dtype
np.concatenate(a)
np.concatenate((a, b), axis=2)
np.concatenate((a, np.arange(3)))
np.concatenate((a, a[:, :2]))
np.concatenate(())
np.concatenate((np.array(1), np.array(2)))
np.stack((a, b)).shape
np.stack((a, b), axis=1)
np.stack((a, b), axis=-1).shape
np.stack((a.T, b.T)).strides
np.stack((a, b), axis=3)
np.stack((a, a[:1]))
np.stack(())
np.stack((1, 2))
np.stack([[1, 2], [3, 4]])
np.vstack((a, b)).shape
np.vstack(([1, 2], [3, 4]))
np.vstack((a, [1, 2, 3]))
np.vstack((a, [1, 2]))
np.hstack((a, b))
np.hstack(([1, 2], [3]))
np.hstack((a, [1, 2]))
np.hstack((1, 2))
# out= receives the result in its own layout and is returned itself; dtype= and casting= decide the cast.
o = np.zeros((4, 3))
r = np.concatenate((a, b), out=o)
r is o, o[3]
np.concatenate((a, b), out=np.zeros((4, 3))[::-1]).strides
np.concatenate((a, b), out=np.zeros(12))
np.concatenate((a, b), out=np.zeros((4, 2)))
np.concatenate((a, b), out=[1])
np.concatenate((a, b), out=np.zeros((4, 3)), dtype='f4')
np.concatenate((a * 1.5, b), out=np.zeros((4, 3), 'i8'))
np.concatenate((a, b), out=np.zeros((4, 3), bool), casting='unsafe')
np.concatenate((a, b), out=np.broadcast_to(np.zeros(3), (4, 3)))
np.concatenate((a, b), axis=None, out=np.zeros(12, 'i2'))
np.concatenate((a, b), axis=None, out=np.zeros((12, 1)))
np.concatenate((a, b), axis=None, out=np.zeros(11))
x = np.arange(4); np.concatenate((x[2:], x[:2]), out=x) is x
x
np.concatenate((a, b), dtype=np.float32)
np.concatenate((a, b), casting='safe', dtype='i4')
np.concatenate((a, b), casting='equiv', dtype='>i8').dtype
np.concatenate((a, a.astype('f4')), casting='no')
np.concatenate((a, b), casting='bogus')
np.concatenate((a, b), casting=None)
np.concatenate((np.zeros(2, bool), np.zeros(2, 'S3')))
np.concatenate(([1, 2], np.array([b'ab'])))
np.concatenate([a, b], dtype='S3')
np.concatenate(5)
np.concatenate(5, out=np.zeros(1))
np.concatenate({1, 2})
np.stack((a, b), out=np.zeros((2, 2, 3)))
np.stack((a, b), out=np.zeros((2, 3)))
np.stack((a, b), casting='no', dtype='f4')
np.stack(5)
np.stack("ab")
np.vstack((a, b), dtype='f4', casting='unsafe')
np.hstack(5)
np.hstack((a, b), out=1)
np.can_cast('i8', 'u8', 'same_kind'), np.can_cast('u8', 'i1', 'same_kind'), np.can_cast(bool, 'S3')
np.can_cast('i8', 'i8', 'bogus')
np.concatenate(np.array(5))
np.stack(np.array(5))
np.concatenate((np.zeros(2, '>i4'), np.zeros(2, '<i4'))).dtype
