# np.apply_along_axis calls a function on each 1-d slice along an axis; np.apply_over_axes reduces axis after axis.
import numpy as np
b = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
def my_func(a):
    return (a[0] + a[-1]) * 0.5
np.apply_along_axis(my_func, 0, b)
np.apply_along_axis(my_func, 1, b)
np.apply_along_axis(sorted, 1, np.array([[8, 1, 7], [4, 3, 9], [5, 2, 6]]))
np.apply_along_axis(np.diag, -1, b)
np.apply_along_axis(np.sum, 0, np.arange(24).reshape(2, 3, 4))
np.apply_along_axis(np.cumsum, 1, np.arange(24).reshape(2, 3, 4))
np.apply_along_axis(lambda v, k: v * k, 1, b, 10)
np.apply_along_axis(lambda v, k=1: v + k, 0, b, k=100)
np.apply_along_axis(np.argmax, 1, np.array([[1, 5, 2], [9, 0, 3]]))
np.apply_along_axis(lambda v: v.max() > 5, 1, b)
np.apply_along_axis(my_func, 2, b)
np.apply_along_axis(my_func, 0, np.zeros((0, 3)))
np.apply_along_axis(len, 0, np.arange(6))
a = np.arange(24).reshape(2, 3, 4)
np.apply_over_axes(np.sum, a, [0, 2])
np.apply_over_axes(np.sum, a, 1)
np.apply_over_axes(np.mean, a, (0, -1))
np.apply_over_axes(lambda x, ax: x.sum(axis=ax, keepdims=True), a, [1])
np.apply_over_axes(lambda x, ax: x.sum(), a, [1])
