from mako.template import Template
from flask import Flask, request
app = Flask(__name__)

@app.route("/m")
def m():
    return Template("Hello " + request.args["name"]).render()  # VULN
