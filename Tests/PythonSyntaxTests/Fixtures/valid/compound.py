@decorator
@decorator.attr(arg)
class C(Base, metaclass=Meta):
    """Doc."""
    x: int = 0

    @property
    def f(self, a, /, b, *, c=1) -> int:
        return self.x

    async def g(self):
        async with a as b, c:
            await x
        async for i in y:
            yield i
        return [i async for i in z]

def outer():
    x = 1
    def inner():
        nonlocal x
        x = yield from gen()
    return inner

try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass

try:
    pass
except* ValueError as eg:
    pass

with (open(a) as f, open(b) as g,):
    pass
with (a, b):
    pass
with a as (b, c):
    pass
