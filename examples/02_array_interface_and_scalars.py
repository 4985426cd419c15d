# %% [markdown]
# # `__array_interface__` and scalars
#
# NumPy describes an array's memory in `__array_interface__`: where the data starts, how to
# read it (`typestr`, `shape`, `strides`). The address itself changes from run to run, so we
# look at everything else and at *differences* between addresses.

# %%
import numpy as np
arr = np.arange(5)
{k: v for k, v in arr.__array_interface__.items() if k != 'data'}

# %% [markdown]
# `strides` is `None` for a C-contiguous array. The buffer is `5 * 8` bytes:

# %%
arr.nbytes, arr.itemsize * arr.size

# %% [markdown]
# A slice is a **view**: its data pointer is inside `arr`'s buffer, one item (8 bytes) in.

# %%
v = arr[1:4]
v.__array_interface__['data'][0] - arr.__array_interface__['data'][0]

# %%
np.shares_memory(v, arr), v.base is arr

# %% [markdown]
# A copy has a buffer of its own:

# %%
cp = arr.copy()
cp.__array_interface__['data'][0] == arr.__array_interface__['data'][0], cp.base is None

# %% [markdown]
# ## A scalar is a little 0-d array
#
# `arr[1]` is an `np.int64`: a new object holding a copy of the value. Its interface has
# `shape ()` and keeps a 0-d array in `__ref`.

# %%
i = arr[1]
{k: v for k, v in i.__array_interface__.items() if k != 'data'}

# %%
i.shape, i.ndim, i.dtype, i.itemsize

# %% [markdown]
# Because it is a copy, changing the array does not change the scalar:

# %%
arr[1] = 10
i, arr[1]
