import subprocess as sp
from flask import Flask, request

app = Flask(__name__)


def make_cmd(name):
    return "convert {} out.png".format(name)


def execute(cmd):
    return sp.check_output(cmd, shell=True)  # expect: CWE-78


@app.route("/thumb")
def thumb():
    image = request.args.get("image", "")
    execute(make_cmd(image))
    return "ok"
