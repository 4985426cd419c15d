# np.genfromtxt: tables with headers, gaps and mixed columns; names=True gives a structured array
import io
import numpy as np
np.genfromtxt(io.StringIO("1,2,3\n4,,6\n7,8,9"), delimiter=",")
data = np.genfromtxt(["a,b,c", "1,2,3", "4,5,6"], delimiter=",", names=True)
data
data['b']
data.dtype.names
t = np.genfromtxt(["name age height", "ann 31 1.62", "bob 25 1.80"], names=True, dtype=None)
t
t['name'], t['age'].dtype
np.genfromtxt(["1 2.5 x True", "4 5 y False"], dtype=None)
np.genfromtxt(["1 2", "3 4"], dtype=None)
np.genfromtxt(["1,2,3", "4,N/A,6"], delimiter=",", missing_values="N/A", filling_values=-1)
np.genfromtxt(["1,2,3", "4,,6"], delimiter=",", filling_values=0)
np.genfromtxt(["1,2,3", "4,,6"], delimiter=",", dtype=int)
np.genfromtxt(["1 2", "3 x"], dtype=int)
np.genfromtxt(["# header", "skip me", "1 2", "3 4", "the end"], skip_header=2, skip_footer=1)
np.genfromtxt(["1 2 3", "4 5 6"], usecols=(0, 2))
np.genfromtxt(["1 2 3", "4 5 6"], usecols=-1)
np.genfromtxt(["a b c", "1 2 3", "4 5 6"], names=True, usecols=("a", "c"))
np.genfromtxt([" 1 , 2 ", " 3 , 4 "], delimiter=",", autostrip=True, dtype=None)
np.genfromtxt([" a , 2 ", " b , 4 "], delimiter=",", dtype=None)
np.genfromtxt(["1 2 3", "4 5", "7 8 9"])
np.genfromtxt(["1 2 3", "4 5", "7 8 9"], invalid_raise=False)
np.genfromtxt(["x y"])
np.genfromtxt(["1", "2"])
np.genfromtxt(["1 2", "3 4"], unpack=True)
np.genfromtxt(["1 2", "3 4", "5 6"], max_rows=2)
np.genfromtxt(["123456789"], delimiter=3)
np.genfromtxt(["12345678"], delimiter=(2, 3, 3))
np.genfromtxt(["1,2", "3,4"], delimiter=",", names="x,y")
np.genfromtxt(["1,2", "3,4"], delimiter=",", names=["x", "y"], dtype=int)
np.genfromtxt(["a,2", "b,4"], delimiter=",", dtype=[('n', 'U3'), ('v', int)])
np.genfromtxt(["#a b", "1 2"], names=True)
np.genfromtxt(["1 2 # c", "3 4"])
np.genfromtxt(["first name,age,print", "x,1,2"], delimiter=",", names=True)
np.genfromtxt(["1", "2"], ndmin=2)
np.genfromtxt([b"1 2", b"3 4"])
np.genfromtxt(["1,2,3", "4,5,6"], delimiter=",", filling_values={1: 9}, missing_values={1: "5"})
np.genfromtxt(3)
