import os
from flask import request

CMD = "uptime"

def configure():
    global CMD
    CMD = request.args["c"]

def run():
    os.system(CMD)  # VULN flow
