# exception classes: one table gives their names, modules and calls
import numpy as np
ValueError, ValueError('bad'), ValueError(1, 2).args
ValueError(x=1)
ExceptionGroup('eg', [ValueError(1)])
IOError, EnvironmentError is OSError, IOError('x')
np.exceptions.AxisError
np.linalg.LinAlgError, np.linalg.LinAlgError('singular')
try:
    np.sum(np.ones(3), axis=2)
except np.exceptions.AxisError as e:
    print(type(e), type(e).__mro__)
try:
    np.linalg.inv(np.zeros((2, 2)))
except ValueError as e:
    print(type(e), repr(e))
from numpy.exceptions import AxisError
AxisError is np.exceptions.AxisError, issubclass(AxisError, IndexError)
import builtins
builtins.KeyError, builtins.IOError
[n for n in dir(builtins) if n.endswith('Error')][:8]
len([n for n in dir(builtins) if n.endswith('Error')])
np.AxisError
UsageError
UFuncTypeError
