# %% [markdown]
# # Ids during iteration
#
# A question from StackOverflow: *"how does memory allocation occur in a numpy array?"*
# Looping over an array and printing `id(i)` shows only **two** ids, taking turns.
# Why would five different numbers share two addresses?

# %%
import numpy as np
a = np.arange(5)
labels = {}
for i in a:
    addr = str(id(i))
    print('Id of', i, ':', labels.setdefault(addr, 'address #' + str(len(labels) + 1)))
len(labels)

# %% [markdown]
# (The real addresses change from run to run, so the loop names them `#1`, `#2` in the order
# they appear; the memory line under each array below shows arrsh's model of them.)
#
# An array stores **values**, not Python objects. Each `for` step makes a *new* scalar
# object (`np.int64`) from the bytes in the buffer. When the loop moves on, the old scalar is
# freed, and the allocator hands the same memory to the one after next.
#
# Keep the scalars alive and every one needs its own address:

# %%
kept = [i for i in a]
len(set(id(i) for i in kept))

# %% [markdown]
# Careful when you measure: `[id(i) for i in a]` keeps the *ints* that `id()` returns, and
# they are the same size as an `np.int64` scalar, so they take the freed memory first:

# %%
ids = [id(i) for i in a]
len(set(ids))

# %% [markdown]
# Indexing twice gives two different objects with equal values:

# %%
i = a[1]
type(i), i is a[1], i == a[1]

# %% [markdown]
# A list is different: it stores **references**, so the object you put in is the object you
# get back.

# %%
x, y, z = 100, 'b', {}
alist = [x, y, z]
alist[0] is x, alist[1] is y, alist[2] is z

# %% [markdown]
# Which one does `a.tolist()` give? Python ints made from the values: equal, but new.

# %%
t = a.tolist()
type(t[1]), t[1] == a[1]
