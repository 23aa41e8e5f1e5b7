import ast
import os

scale = ast.literal_eval(os.environ.get("SCALE", "1"))
total = eval("2 ** 10")
