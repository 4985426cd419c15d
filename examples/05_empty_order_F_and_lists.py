# %% [markdown]
# # `np.empty(order='F')` and building arrays from lists
#
# A 1234 × 5678 matrix filled with 1…5678 in every row: allocate once, then let
# broadcasting fill it. `np.empty` does not clear memory, so only print what you wrote.

# %%
import numpy as np
a = np.empty((1234, 5678), dtype=int)
a[:] = np.arange(1, 5679)
a.shape, a.strides, a.nbytes

# %%
a[0, :5], a[1233, -3:]

# %% [markdown]
# `order='F'` (Fortran, column-major) lays out **columns** one after the other: the first
# stride is now the small one.

# %%
f = np.empty((1234, 4567), dtype=int, order='F')
f[:] = np.arange(1, 4568)
f.strides, f.flags.f_contiguous, f.flags.c_contiguous

# %% [markdown]
# The values are the same whatever the order; only their place in memory differs.
# `ravel(order='K')` reads memory order (a view), plain `ravel()` reads rows (a copy):

# %%
f.ravel(order='K')[:5], f.ravel()[:5]

# %%
np.shares_memory(f.ravel(order='K'), f), np.shares_memory(f.ravel(), f)

# %% [markdown]
# The transpose of a Fortran array is a C array, with no copy:

# %%
f.T.flags.c_contiguous, f.T.base is f

# %% [markdown]
# ## From a list of lists
#
# `np.array` always copies a list's values into a new buffer (a list holds references to
# Python objects; an array holds the numbers themselves).

# %%
list_of_lists = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
m = np.array(list_of_lists)
m

# %%
m.flags.owndata, m.flags.c_contiguous

# %% [markdown]
# `copy=False` promises *no copy*; from a list that is impossible, and NumPy 2 says so:

# %%
np.array(list_of_lists, copy=False)

# %% [markdown]
# From an array, `copy=False` gives the same object back; the default copies:

# %%
np.array(m, copy=False) is m, np.array(m) is m

# %% [markdown]
# Or allocate first and fill row by row, with no list of lists at all:

# %%
rows = np.empty((3, 4))
for i in range(3):
    rows[i] = [i + 0.5, 1.0, 2.0, 3.0]
rows
