import importlib
from flask import request

def plugin():
    mod = importlib.import_module(request.args["plugin"])  # VULN flow
    return mod.run()
