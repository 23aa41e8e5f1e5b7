import os

settings = {}
expression = os.environ.get("SCALE", "1")
settings["scale"] = expression
factor = eval(settings["scale"])  # expect: CWE-95
