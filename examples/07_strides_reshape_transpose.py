# %% [markdown]
# # Strides, `reshape` and `transpose`
#
# An array is a buffer plus a recipe: `shape` says how many steps along each axis, `strides`
# how many **bytes** each step moves.

# %%
import numpy as np
a = np.arange(12, dtype=np.int32)
a.strides, a.itemsize

# %% [markdown]
# `reshape` on a contiguous array only changes the recipe: a row is 4 items of 4 bytes, so
# moving one row moves 16 bytes.

# %%
m = a.reshape(3, 4)
m.shape, m.strides

# %% [markdown]
# Transposing swaps the strides. No byte moves; `m.T` reads the same buffer column by
# column, so it is Fortran-contiguous rather than C-contiguous.

# %%
t = m.T
t.strides, t.flags.c_contiguous, t.flags.f_contiguous

# %% [markdown]
# A step in a slice multiplies the stride:

# %%
m[:, ::2].strides, m[::2, ::-1].strides

# %% [markdown]
# Element `[i, j]` lives at `i * strides[0] + j * strides[1]` bytes from the start:

# %%
i, j = 2, 3
(i * m.strides[0] + j * m.strides[1]) // m.itemsize, m[i, j]

# %% [markdown]
# `reshape` of a transpose usually has to copy: there is no single stride for the new axis.

# %%
r = t.reshape(12)
r, np.shares_memory(r, a)

# %% [markdown]
# But `ravel(order='F')` of a C array's transpose reads memory order, so it is a view:

# %%
np.shares_memory(t.ravel(order='F'), a)

# %% [markdown]
# `np.newaxis` adds an axis of length 1 with stride 0: stepping along it goes nowhere.

# %%
a[:, np.newaxis].strides, a[np.newaxis, :].shape
