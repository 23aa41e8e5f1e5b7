import os
from flask import request

def handler():
    run = os.system
    target = request.args.get("t")
    run("ping " + target)  # VULN flow
