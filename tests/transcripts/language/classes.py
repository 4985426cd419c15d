# Classes: attributes, methods, __init__, the common dunders (__repr__, __str__, __len__, __eq__, __getitem__, __iter__, __call__, __add__, ordering), inheritance and super(), isinstance/issubclass, properties, class and static methods.
import numpy as np
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(1, 2)
p
p.x, p.y, p.dims, Point.dims
p + Point(10, 20)
p == Point(1, 2), p == (1, 2), p != Point(0, 0)
p.norm2()
Point.norm2(p)
str(p), repr(p), f"{p}"
[p, p]
{'at': p}
type(p)
Point
Point.__name__, Point.__qualname__
isinstance(p, Point), isinstance(p, object), isinstance(3, Point)
p.z
Point(1)
hash(p)
class Plain:
    pass
q = Plain()
q.value = 5
q.value
vars(q) if False else q.__dict__
type(Plain())
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
        return self
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, v):
        return v in self.items
    def __bool__(self):
        return bool(self.items)
s = Stack()
bool(s), len(s)
s.push(1).push(2).push(3) is s
len(s), s[0], s[-1], s[1:]
list(s), 2 in s, 9 in s, bool(s)
[v * 10 for v in s]
s[10]
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = 'woof'
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        return super().speak() + '!'
d = Dog('Rex', ['sit'])
d.speak(), d.tricks
Animal('Cat').speak()
isinstance(d, Animal), issubclass(Dog, Animal), issubclass(Animal, Dog)
Dog.__mro__
Dog.__bases__
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @classmethod
    def boiling(cls):
        return cls(100)
    @staticmethod
    def describe():
        return 'degrees'
t = Temperature(20)
t.fahrenheit
t.fahrenheit = 212
t._c
Temperature.boiling().fahrenheit
Temperature.describe(), t.describe()
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
add5(10), callable(add5), callable(p)
list(map(add5, [1, 2]))
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
sorted([Version(1, 2), Version(1, 0, 5), Version(0, 9)])
max(Version(2), Version(10))
Version(1) < Version(2), Version(2) > Version(1)
Version(1) <= Version(2)
p < p
p * 2
-p
class Matrix:
    def __init__(self, rows):
        self.a = np.array(rows)
    def __matmul__(self, other):
        return Matrix(self.a @ other.a)
    def __repr__(self):
        return 'Matrix(' + repr(self.a.tolist()) + ')'
Matrix([[1, 2], [3, 4]]) @ Matrix([[1, 0], [0, 1]])
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
a, b, c = Counter(), Counter(), Counter()
Counter.count
class WithStr:
    def __str__(self):
        return 'a WithStr'
print(WithStr())
class Bad:
    def __repr__(self):
        return 42
repr(Bad())
class Unhashable:
    def __eq__(self, other):
        return True
{Unhashable()}
