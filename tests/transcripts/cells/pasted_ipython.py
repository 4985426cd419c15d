In [1]: # A pasted IPython session: `In [n]: ` and `   ...: ` lines run; Out lines are recorded output.

In [2]: import numpy as np

In [3]: x = np.arange(12).reshape(3, 4)

In [4]: for r in x[:2]:
   ...:     print(r)
   ...:
[0 1 2 3]
[4 5 6 7]

In [5]: x[1:, ::2]
Out[5]:
array([[ 4,  6],
       [ 8, 10]])

In [17]: x[1:, ::2].base is x
Out[17]: False

In [18]: y = (1,
    ...:      2)

In [19]: y
Out[19]: (1, 2)
