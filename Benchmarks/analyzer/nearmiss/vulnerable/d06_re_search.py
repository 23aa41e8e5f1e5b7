import re
from flask import request

def search():
    pattern = request.args["p"]
    return str(re.search(pattern, "some long text"))  # VULN flow
