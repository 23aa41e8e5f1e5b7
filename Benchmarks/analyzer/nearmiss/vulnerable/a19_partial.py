import functools
import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/p")
def p():
    run = functools.partial(subprocess.run, shell=True)
    run("echo " + request.args["m"])  # VULN
    return "ok"
