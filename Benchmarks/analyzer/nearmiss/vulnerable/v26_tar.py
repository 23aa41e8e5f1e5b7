import tarfile
from flask import Flask, request
app = Flask(__name__)

@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["archive"]
    with tarfile.open(fileobj=f.stream) as tar:
        tar.extractall("/srv/extract")  # VULN
    return "ok"
