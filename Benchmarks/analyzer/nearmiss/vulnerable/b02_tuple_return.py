import os
from flask import request

def parse():
    return request.args["a"], 1

def handler():
    a, _ = parse()
    os.system("echo " + a)  # VULN flow
