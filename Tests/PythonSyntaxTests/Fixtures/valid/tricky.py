n = [0_0, 00, 0e0, 0j, 1_000j, 1e1_0, 0x_f, 0b_1, 0o_7, 1., .1j, 0.0, 1E5, 0XfF, 9999999999999999999999, 1e-400, 2**-1]
s = 'a\
b' "c\
"
s2 = [Rb'1', bR'2', Fr'{x}', fR'{y}', rF'{z}', U'4']
l1 = lambda *, a: a
l2 = lambda a, /: a
l3 = lambda a=1, /, b=2, *c, d, **e: 0
print(*a, sep='', **{'end': ''})
@(lambda f: f)
@a[1].b(2)
async def f():
    [x async for x in y if await x]
    await z
    async with a: pass
    return *a, *b
def g():
    yield *a, b
    x = yield
    return (yield from z)
a[*b, c], a[1:2, *b], a[...], a[..., 1], a[:, None]
for x, in y: pass
for *a, b in c: pass
del (a), [b]
del a,
[y := f(x) for x in z]
class A(): pass
class B(*b, **c): pass
x: int
(x): int = 1
x.y: int
x[0]: int = 1
not not x; - -x; ~-x; +-~x
if x:
	pass
	if y:
	    pass
x = (  # comment
    1  # another
)
x = [
    1,
    2,
]
assert (x, y)
raise
try: pass
finally: pass
while 1: x = 1; y = 2;
with a, b as c, d: pass
if (a := 1) and (b := 2): pass
print(f"{a!s:{b}}", f'{a}' f'{b}', f'''{
a
}''')
x = a if b else c if d else e
x = [*range(3), *[1]]
x = {**a, 'b': 1, **c}
x = a.b.c.d(e)[f](g)
x = 'é' + "€" + '😀'
é = 1
éé.x = ä
