# Magics that do not exist, or are given options they do not have, are UsageErrors.
import numpy as np
%foo
%timeit -z 1
%timeit -n
%save
%who_is_there
who
