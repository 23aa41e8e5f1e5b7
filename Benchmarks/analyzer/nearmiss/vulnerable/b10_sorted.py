import os
from flask import request

def handler():
    first = sorted(request.args.getlist("f"))[0]
    os.remove(first)  # VULN flow
