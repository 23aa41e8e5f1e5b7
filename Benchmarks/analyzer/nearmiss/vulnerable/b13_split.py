import os
from flask import request

def handler():
    host = request.headers.get("X-Forwarded-For", "").split(",")[0].strip()
    os.system("whois " + host)  # VULN flow
