# Seed 5 "How to efficiently construct a numpy array from a large set of data?" (N, M scaled down).
import numpy as np
list_of_lists = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
arr = np.array(list_of_lists)
arr
arr.flags.owndata
arr.flags.c_contiguous
np.array(list_of_lists, copy=False)
np.array(arr, copy=False) is arr
np.array(arr) is arr
some_array = np.empty((3, 4))
for i in range(3): some_array[i] = [i + 0.5, 1.0, 2.0, 3.0]
some_array
N, M = 100, 187
print "%i x %i = %i doubles = %f GB" % (N, M, N * M, N*M*8/10**9)
print("%i x %i = %i doubles = %f GB" % (N, M, N * M, N*M*8/10**9))
large_2d_array = [[n + m*M for n in range(N)] for m in range(M)]
len(large_2d_array), len(large_2d_array[0])
import numpy
np1 = numpy.array(large_2d_array, copy=True)
np1
np1.shape, np1.dtype, np1.nbytes
np1 = numpy.array(large_2d_array, copy=False)
np1.flags.owndata
