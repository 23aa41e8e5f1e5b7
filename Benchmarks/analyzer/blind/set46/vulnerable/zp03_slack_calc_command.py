"""Slack slash-command backend for /calc and /convert used by the dispatch team."""
import hashlib
import hmac
import logging
import math
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("slack.calc")

SLACK_SIGNING_SECRET = "9b1f2c7e44d0a8e35f6c1b2d7a9e0f43"  # VULN
SLACK_BOT_TOKEN = "xoxb-2214409912-5530184472213-pQ7vT1mKx9RzLw3nYb8cHs2D"  # VULN

UNIT_FACTORS = {
    ("km", "mi"): 0.621371,
    ("mi", "km"): 1.609344,
    ("kg", "lb"): 2.204623,
    ("lb", "kg"): 0.453592,
}

SAFE_NAMES = {"sqrt": math.sqrt, "ceil": math.ceil, "floor": math.floor, "pi": math.pi}


def verify_signature(req) -> bool:
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        return False
    base = f"v0:{ts}:{req.get_data(as_text=True)}".encode()
    digest = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, req.headers.get("X-Slack-Signature", ""))


class Calculator:
    def __init__(self, text: str):
        self.expression = text.strip().replace("^", "**")

    def result(self):
        return eval(self.expression, {"__builtins__": {}}, SAFE_NAMES)  # VULN flow


def convert(text: str) -> str:
    try:
        value, src, _, dst = text.split()
        factor = UNIT_FACTORS[(src, dst)]
    except (ValueError, KeyError):
        return "usage: /convert 12 km to mi"
    return f"{float(value) * factor:.3f} {dst}"


@app.post("/slack/commands")
def slash_command():
    if not verify_signature(request):
        abort(401)
    command = request.form.get("command")
    text = request.form.get("text", "")
    user = request.form.get("user_name", "?")
    log.info("command %r from %r", command, user)
    if command == "/calc":
        try:
            answer = Calculator(text).result()
        except Exception:
            return jsonify(response_type="ephemeral", text="Could not evaluate that.")
        return jsonify(response_type="in_channel", text=f"{text} = {answer}")
    if command == "/convert":
        return jsonify(response_type="ephemeral", text=convert(text))
    return jsonify(response_type="ephemeral", text="Unknown command")
