# import forms: aliases, from-imports, star imports and missing modules
import itertools as it
list(it.islice(it.count(), 3))
from functools import reduce as fold
fold(lambda a, b: a + b, [1, 2, 3])
from math import *
sqrt(16), floor(pi), factorial(5)
from collections import Counter as C, deque
C('aab'), deque('ab')
from __future__ import annotations
import pandas
from itertools import nope
import math, random
math.cos(0), random.__name__
import random.foo
