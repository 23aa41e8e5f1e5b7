import shlex
import subprocess
from flask import request

def run():
    args = shlex.split(request.args["cmd"])
    return subprocess.check_output(args)  # VULN flow
