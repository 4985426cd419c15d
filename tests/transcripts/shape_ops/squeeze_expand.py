# squeeze drops length-1 axes and expand_dims/np.newaxis add them: views (squeeze may return a itself).
import numpy as np
a = np.arange(6).reshape(1, 2, 1, 3)
a.strides
a.squeeze().shape
a.squeeze().strides
a.squeeze().base is a.base
a.squeeze(0).shape
a.squeeze(axis=2).shape
a.squeeze((0, 2)).shape
a.squeeze(-2).shape
a.squeeze(1)
a.squeeze(4)
a.squeeze((0, 0))
b = np.arange(6).reshape(2, 3)
b.squeeze() is b
b.squeeze(()) is b
np.squeeze(a).shape
x = np.arange(3)
np.expand_dims(x, 0)
np.expand_dims(x, 0).strides
np.expand_dims(x, 1)
np.expand_dims(x, 1).strides
np.expand_dims(x, -1).shape
np.expand_dims(x, (0, 2)).shape
np.expand_dims(x, (0, 2)).strides
np.expand_dims(x, 2)
np.expand_dims(x, (0, 0))
np.expand_dims(x, 0).base is x
np.expand_dims(b.T, 0).strides
np.expand_dims(b[:, ::2], 1).strides
x[np.newaxis].shape, x[np.newaxis].strides
x[:, np.newaxis].shape, x[:, np.newaxis].strides
x[None, :, None].strides
(x[:, None] + x[None, :])
x[:, None].base is x
z = np.array(5)
np.expand_dims(z, 0)
z.squeeze() is z
np.ones((1, 1)).squeeze()
np.ones((1, 1)).squeeze().shape
