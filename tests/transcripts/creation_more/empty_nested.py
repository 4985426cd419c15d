# Empty arrays nested in a list keep their dtype: np.asarray of a tuple of empty int arrays is int64 (an empty list is float64)
import numpy as np
np.asarray((np.array([],dtype=int), np.array([],dtype=int)))
np.array([np.array([], dtype=np.int8)])
np.array([[], []])
np.array([np.zeros((0,2), dtype=bool), np.zeros((0,2), dtype=bool)]).dtype
