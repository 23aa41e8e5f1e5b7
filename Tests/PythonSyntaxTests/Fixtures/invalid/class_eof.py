lambda x: (yield)
class
