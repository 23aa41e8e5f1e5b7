import os
from flask import request

def names():
    for n in request.args.getlist("n"):
        yield n.strip()

def handler():
    for x in names():
        os.system("touch " + x)  # VULN flow
