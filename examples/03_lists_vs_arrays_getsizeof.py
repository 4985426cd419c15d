# %% [markdown]
# # Lists vs arrays, and `getsizeof`
#
# *"NumPy arrays take less memory than lists"* — but `sys.getsizeof` says a 4-element list and
# a 4-element array are about the same size. Both are right; `getsizeof` just measures
# different things.

# %%
import numpy as np
import sys
l = list(range(4))
arr = np.array(l)
sys.getsizeof(l), sys.getsizeof(arr)

# %% [markdown]
# For an array that owns its data, `getsizeof` counts the object header **and** the buffer:

# %%
arr.nbytes, sys.getsizeof(arr) - arr.nbytes

# %% [markdown]
# For a list it counts the header and the buffer of **pointers**, not the objects they
# point to. Each int is an object of its own:

# %%
[sys.getsizeof(n) for n in l]

# %%
big = list(range(1000, 1004))
sys.getsizeof(big) + sum(sys.getsizeof(n) for n in big), sys.getsizeof(np.arange(1000, 1004))

# %% [markdown]
# With a thousand values the difference shows: 8 bytes per value in the array, a pointer
# plus a 28-byte object per value in the list.

# %%
p = np.arange(1000)
q = list(range(1000, 2000))
sys.getsizeof(p), sys.getsizeof(q) + sum(sys.getsizeof(n) for n in q)

# %% [markdown]
# A view owns no buffer, so `getsizeof` counts only its header:

# %%
w = p[::2]
w.base is p, sys.getsizeof(w)

# %% [markdown]
# Taking elements out makes objects: a 32-byte `np.int64` each time.

# %%
sys.getsizeof(p[3]), sys.getsizeof(p[3]) * len(p)
