import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


def _clean(value, limit=64):
    return value.replace("\r", "\\r").replace("\n", "\\n")[:limit]


@app.route("/webhooks/<source>", methods=["POST"])
def webhook(source):
    event = request.headers.get("X-Event-Type", "unknown")
    log.info("webhook received source=%s event=%s", _clean(source), _clean(event))
    return "", 204
