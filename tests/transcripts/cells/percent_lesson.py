# %% [markdown]
# # Percent format
#
# Each `# %%` block is one cell; the value of its last expression is shown.

# %%
import numpy as np
a = np.arange(6)
b = a[::2]
b

# %%
# A comment first, then code: still one cell.
b[0] = 100
print(a)
a.base is None, b.base is a

# %% [md]
# Markdown blocks are narration, not cells.

# %%
# only a comment: narration too

# %%
x = 1
y = 2;

# %%
c = a.reshape(2, 3)
c.T
c.strides

# %%
print('before the error')
a[10]
print('never printed')

# %%
    z = a[1:3]
    z
