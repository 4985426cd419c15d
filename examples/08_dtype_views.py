# %% [markdown]
# # Dtype views: the same bytes, read another way
#
# `a.view(dtype)` keeps the buffer and changes only how its bytes are read.

# %%
import numpy as np
a = np.array([1, 256, 65535], dtype=np.int32)
b = a.view(np.uint8)
b

# %% [markdown]
# Little-endian: the low byte comes first. Each `int32` became 4 `uint8` items, so the last
# axis is 4 times longer and the stride is 1 byte.

# %%
b.shape, b.strides, b.base is a

# %% [markdown]
# Writing through the byte view changes the integers:

# %%
b[0] = 2
a

# %% [markdown]
# Floats have their own bit pattern. `1.0` as a 64-bit integer:

# %%
f = np.array([1.0, -2.0])
f.view(np.int64)

# %%
hex(f.view(np.uint64)[0])

# %% [markdown]
# Going to a **bigger** dtype merges neighbouring items, so the last axis must be contiguous
# and its byte length divisible by the new itemsize:

# %%
np.arange(6, dtype=np.int16).view(np.int32)

# %%
np.arange(5, dtype=np.int16).view(np.int32)

# %% [markdown]
# A strided slice is not contiguous along its last axis, so it cannot be merged:

# %%
np.arange(8, dtype=np.int16)[::2].view(np.int32)

# %% [markdown]
# Bytes as text: `S` dtypes are raw bytes.

# %%
w = np.frombuffer(b'abcdef', dtype='S1')
w.view('S2'), w.view('S3'), w.view(np.uint8)[:3]
