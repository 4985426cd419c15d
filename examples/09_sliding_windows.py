# %% [markdown]
# # Sliding windows with `as_strided`
#
# A moving average needs every window of `k` neighbours. Instead of copying each window,
# build a view whose rows overlap.

# %%
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
x = np.arange(8.0)
k = 3
w = as_strided(x, shape=(len(x) - k + 1, k), strides=(x.strides[0], x.strides[0]))
w

# %% [markdown]
# Both strides are 8 bytes: the next row starts one item later. Six rows of three items read
# only the 64 bytes of `x`.

# %%
w.shape, w.strides, np.shares_memory(w, x)

# %%
w.mean(axis=1)

# %% [markdown]
# Because the rows share memory, a write to `x` shows up in up to three rows:

# %%
x[3] = 100
w[:4]

# %% [markdown]
# `as_strided` trusts you completely. `sliding_window_view` works out the shape and strides
# itself and gives a **read-only** view, which is safer:

# %%
v = sliding_window_view(x, k)
v.shape, v.strides, v.flags.writeable

# %%
v[0, 0] = 1

# %% [markdown]
# Windows over the rows of a 2-d array: choose the axis.

# %%
g = np.arange(12).reshape(3, 4)
sliding_window_view(g, 2, axis=1).shape, sliding_window_view(g, (2, 2)).strides

# %% [markdown]
# A stride of 0 repeats the same item. `nbytes` counts six items, but the buffer behind them
# holds one:

# %%
o = np.array([7])
z = as_strided(o, shape=(2, 3), strides=(0, 0))
z, z.nbytes, o.nbytes
