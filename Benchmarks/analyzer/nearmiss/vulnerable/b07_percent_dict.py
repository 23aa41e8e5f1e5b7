import os
from flask import request

def handler():
    os.system("ls %(d)s" % {"d": request.args["d"]})  # VULN
