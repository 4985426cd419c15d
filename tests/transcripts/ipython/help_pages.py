# obj? and help(obj): IPython's page (Type, String form, Length, Docstring; Signature for callables).
import numpy as np
x = 5
x?
?x
s = 'abc'
s?
items = [1, 2]
items?
len?
abs?
f = 2.5
f?
nothing_here?
items.append?
