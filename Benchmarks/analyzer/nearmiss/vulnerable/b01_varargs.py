import subprocess
from flask import request

def run(*args, **kwargs):
    return subprocess.call(*args, shell=True, **kwargs)  # VULN flow

def handler():
    run("ls " + request.args["d"])
