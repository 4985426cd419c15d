# Methods taken from a class (io.StringIO.write, collections.deque.append) take the receiver first
import io, collections
io.BytesIO.write("LO")
io.StringIO.write("x")
io.StringIO.read(5)
collections.deque.append()
collections.deque.append(1, 2)
d = collections.deque()
collections.deque.append(d, 5)
d
memoryview.tolist(1)
memoryview.tolist()
bytearray.append(bytearray(), 5)
bytearray.append(1, 2)
io.StringIO.write()
