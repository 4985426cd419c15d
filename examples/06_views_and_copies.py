# %% [markdown]
# # Views and copies, and `.base`
#
# Basic slicing never copies: the result is a **view** of the same buffer. Watch the memory
# line under each array: "view of a" or "owns its data".

# %%
import numpy as np
a = np.arange(10)
b = a[2:8:2]
b

# %% [markdown]
# `b.base` is the array whose buffer `b` uses. Writing through the view changes `a`:

# %%
b.base is a

# %%
b[0] = 99
a

# %% [markdown]
# `.copy()` makes a buffer of its own:

# %%
c = a[2:8:2].copy()
c[0] = -1
c, a[2], c.base is None

# %%
np.shares_memory(a, b), np.shares_memory(a, c)

# %% [markdown]
# ## Which operations copy?
#
# Fancy indexing (a list or an array of indices) and boolean masks always copy:

# %%
d = a[[1, 3, 5]]
e = a[a > 4]
d.base is None, e.base is None

# %% [markdown]
# `reshape` gives a view when it can; a view of a view keeps pointing at the array that owns
# the memory:

# %%
m = a.reshape(2, 5)
m.base is a, m.T.base is a

# %% [markdown]
# Flattening the transpose cannot be a view (its elements are not evenly spaced), so
# `reshape` copies:

# %%
flat = m.T.reshape(10)
flat, np.shares_memory(flat, a)

# %% [markdown]
# Arithmetic always makes a new array; in-place operators write into the existing one:

# %%
s = a + 1
a += 1
s.base is None, np.shares_memory(a, b), b
