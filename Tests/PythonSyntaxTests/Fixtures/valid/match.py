match command.split():
    case [action]:
        pass
    case [action, obj, *rest] if obj:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"key": value, **others}:
        pass
    case {1: _, "a": [1, 2]}:
        pass
    case -1 | 1.5 | -2+3j | 4-5j | "s" "t" if True:
        pass
    case None | True | False:
        pass
    case a.b.c as d:
        pass
    case (1, 2) | [] | ():
        pass
    case [*_]:
        pass
    case _:
        pass
match = 1
match.x = 2
match(x)
case = 3
type = 4
print(type(x))
