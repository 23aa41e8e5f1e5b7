import os
from flask import Flask, request
app = Flask(__name__)
UPLOAD = "/srv/uploads"

@app.route("/download")
def download():
    filename = request.args.get("file")
    path = os.path.join(UPLOAD, filename)
    with open(path, "rb") as f:  # VULN flow
        return f.read()
