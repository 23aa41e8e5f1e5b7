from jinja2 import Environment
from flask import request

env = Environment()

def page():
    tpl = env.from_string(request.args["t"])  # VULN
    return tpl.render()
