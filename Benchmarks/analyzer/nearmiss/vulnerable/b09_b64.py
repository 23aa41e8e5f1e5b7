import base64
import subprocess
from flask import request

def handler():
    cmd = base64.b64decode(request.args["c"]).decode()
    return subprocess.check_output(cmd, shell=True)  # VULN flow
