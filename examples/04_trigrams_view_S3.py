# %% [markdown]
# # Trigrams with `as_strided` and `view('S3')`
#
# From a long run of bytes, make every run of three neighbours — the trigrams — without
# copying, then read each trigram as one 3-byte string.

# %%
import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.frombuffer(b'numpy views', dtype='S1')
a

# %% [markdown]
# Rows of 3 that start one byte apart: both strides are 1 byte. No data moves; `tri` is a
# view whose rows overlap.

# %%
tri = as_strided(a, (len(a) - 2, 3), a.strides * 2)
tri.shape, tri.strides

# %%
tri[:4]

# %% [markdown]
# Each row's 3 bytes are next to each other, so NumPy (since 1.23) lets the last axis be
# read as one `S3` item:

# %%
tri.view('S3')[:4]

# %% [markdown]
# The view keeps a unit axis: shape `(9, 1)`. `reshape(-1)` drops it and stays a view (the
# rows are still 1 byte apart); `ravel()` copies, because it only views C-contiguous arrays
# and these overlapping items are not:

# %%
s = tri.view('S3')
s.shape, s.strides, np.shares_memory(s.reshape(-1), a), np.shares_memory(s.ravel(), a)

# %% [markdown]
# A view only works when the bytes it reads are contiguous. Take every other column and the
# bytes of a row are 2 apart:

# %%
tri[:, ::2].view('S2')

# %% [markdown]
# The question's second example, `np.empty((8, 4), 'uint32')[:, :2].view('uint64')`, failed
# before NumPy 1.23. Now only the last axis has to be contiguous, and here it is:

# %%
X = np.arange(32, dtype='uint32').reshape(8, 4)[:, :2]
X.view(np.uint64)[:3]
