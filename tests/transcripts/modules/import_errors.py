# import errors inside packages: a module that is not a package, a submodule that does not exist
import math.foo
import collections.foo
import numpy.foo
import numpy.lib.stride_tricks.foo
import numpy.linalg.foo
import numpy.random.bar.baz
import sys.path.x
import numpy.lib.stride_tricks
numpy.lib.stride_tricks.__name__
import numpy.rec, numpy.exceptions
numpy.exceptions.__name__
from numpy import exceptions
exceptions is numpy.exceptions
import builtins
builtins.Ellipsis, builtins.NotImplemented
builtins.NotImplemented is NotImplemented, Ellipsis is ...
type(Ellipsis), type(NotImplemented)
[n for n in dir(builtins) if n in ('Ellipsis', 'NotImplemented', 'np', 'numpy', 'math')]
from builtins import Ellipsis as E
E
builtins.np
builtins.math
import sys, time, itertools, io
sys, time, itertools, io, builtins
import numpy as np
np.emath.__name__, np.lib.scimath is np.emath, np.emath.sqrt(-4)
import numpy.emath
import numpy.lib.scimath
numpy.lib.scimath is np.emath
from numpy import emath
emath.log(-1)
np.emath.nope
