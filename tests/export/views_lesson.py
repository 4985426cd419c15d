# %% [markdown]
# # Views and copies
#
# A *view* shares its **buffer** with the array it came from; `a[2:8:2]` is one.
#
# - slicing makes views
# - fancy indexing makes copies

# %%
import numpy as np
a = np.arange(10)
d = a[2:8:2]
d

# %% [markdown]
# Changing the view changes `a`:

# %%
d[0] = 99
print(a)

# %%
%mem a d

# %% [markdown]
# Fancy indexing copies, and a transposed array cannot be reshaped without a copy:

# %%
a[[0, 2]]

# %%
a.reshape(2, 5).T.reshape(10)

# %%
a.view('S3')
