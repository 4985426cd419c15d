# How methods of the classes arrsh builds in (io, collections, bytearray, memoryview) print
import io, collections
io.StringIO.write
collections.deque.append
bytearray.append
memoryview.tolist
io.StringIO().write
collections.deque().append
bytearray().append
memoryview(b"").tolist
io.BytesIO().read
repr(io.StringIO.write)
repr(bytearray.append)
list.append
[].append
