import re
from flask import Flask, request
app = Flask(__name__)

@app.route("/grep")
def grep():
    pattern = request.args["p"]
    rx = re.compile(pattern)  # VULN flow
    return str(bool(rx.search("some text")))
