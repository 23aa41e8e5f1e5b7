import os
from flask import request

class Config:
    cmd = "uptime"

def configure():
    Config.cmd = request.args["c"]

def run():
    os.system(Config.cmd)  # VULN flow
