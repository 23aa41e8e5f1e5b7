import zipfile
from flask import Flask, request
app = Flask(__name__)

@app.route("/unzip", methods=["POST"])
def unzip():
    with zipfile.ZipFile(request.files["f"]) as z:
        z.extractall("/srv/data")
    return "ok"
