import os
import string
from flask import request

def handler():
    t = string.Template("ping -c 1 $host")
    os.system(t.substitute(host=request.args["h"]))  # VULN flow
