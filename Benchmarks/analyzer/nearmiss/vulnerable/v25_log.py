import logging
from flask import Flask, request
app = Flask(__name__)
log = logging.getLogger(__name__)

@app.route("/l")
def l():
    user = request.args.get("user")
    log.info("login attempt for " + user)  # VULN flow
    return "ok"
