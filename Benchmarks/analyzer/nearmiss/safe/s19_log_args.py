import logging
from flask import Flask, request
app = Flask(__name__)
log = logging.getLogger(__name__)

@app.route("/l")
def l():
    user = request.args.get("user", "").replace("\n", "").replace("\r", "")
    log.info("login attempt for %s", user)
    return "ok"
