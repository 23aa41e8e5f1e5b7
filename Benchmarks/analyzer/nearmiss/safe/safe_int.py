import os
from flask import request

def kill():
    pid = int(request.args.get("pid"))
    os.kill(pid, 9)
