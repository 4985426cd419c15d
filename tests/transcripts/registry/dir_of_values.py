# dir() of a value lists its type's names, the owner its rows answer for
import numpy as np
len(dir(len)), dir(len)[-6:]
len(dir(print)), '__self__' in dir(print)
len(dir(np.add)), dir(np.add)[-8:]
len(dir(True)), len(dir(1.5)), len(dir(range(2))), len(dir(slice(1))), len(dir(b''))
len(dir(np.arange(2).flags)), len(dir(np.dtype('i8')))
import io
len(dir(io.StringIO()))
