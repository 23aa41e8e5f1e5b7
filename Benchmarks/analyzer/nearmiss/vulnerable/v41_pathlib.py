from pathlib import Path
from flask import Flask, request
app = Flask(__name__)
BASE = Path("/srv/files")

@app.route("/read")
def read():
    target = BASE / request.args["name"]
    return target.read_text()  # VULN flow
