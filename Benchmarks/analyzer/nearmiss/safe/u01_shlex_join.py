import shlex
import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/grep")
def grep():
    cmd = shlex.join(["grep", "-r", request.args["q"], "/srv/docs"])
    return subprocess.run(cmd, shell=True, capture_output=True).stdout
