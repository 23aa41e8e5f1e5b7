import subprocess
import tempfile
from flask import Flask, request
app = Flask(__name__)

@app.route("/clone")
def clone():
    url = request.args["url"]
    target = tempfile.mkdtemp()
    subprocess.run(["git", "clone", "--", url, target], check=True)
    return target
