import os
from flask import request

def handler():
    os.system("ping {host}".format_map({"host": request.args["h"]}))  # VULN
