# A plain script: comments between statements are narration.
import numpy as np
x = np.arange(4)

# Each element taken out is a new object:
for i in x:
    print(id(i))
# `x[1]` is copied out of byte 8
x[1]
