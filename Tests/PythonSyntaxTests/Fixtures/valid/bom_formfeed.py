x = "bom"
def f():
    pass
