# The seed's timing example: multiplying through Python objects vs one array operation.
import numpy as np
size = 10**6
list1 = range(size)
list2 = range(size)
array1 = np.arange(size)
array2 = np.arange(size)
resultantList = [(a * b) for a, b in zip(list1, list2)]
resultantArray = array1 * array2
