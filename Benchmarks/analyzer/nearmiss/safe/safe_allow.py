import subprocess
from flask import request
ALLOWED = {"status", "version"}

def git():
    cmd = request.args.get("cmd")
    if cmd not in ALLOWED:
        return "no"
    return subprocess.check_output(["git", cmd])
