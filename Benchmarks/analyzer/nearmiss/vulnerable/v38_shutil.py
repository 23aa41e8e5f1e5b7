import shutil
from flask import Flask, request
app = Flask(__name__)

@app.route("/rm")
def rm():
    shutil.rmtree("/srv/users/" + request.args["user"])  # VULN
    return "ok"
