import json
import logging
from flask import Flask, request
app = Flask(__name__)
log = logging.getLogger(__name__)

@app.route("/l")
def l():
    log.info("request args: %s", json.dumps(request.args.to_dict()))
    return "ok"
