import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/del")
def delete():
    os.remove(os.path.join("/srv/files", request.args["f"]))  # VULN
    return "ok"
