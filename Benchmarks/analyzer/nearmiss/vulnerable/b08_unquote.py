import os
from urllib.parse import unquote
from flask import request

def handler():
    path = unquote(request.args["p"])
    return open(os.path.join("/srv", path)).read()  # VULN flow
