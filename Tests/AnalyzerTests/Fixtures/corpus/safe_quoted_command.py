import shlex
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/thumb")
def thumb():
    image = request.args.get("image", "")
    subprocess.check_output("convert {} out.png".format(shlex.quote(image)), shell=True)
    return "ok"
