"""Slack slash-command backend for /calc and /convert used by the dispatch team."""
import ast
import hashlib
import hmac
import logging
import math
import operator
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("slack.calc")

SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"]
SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN", "")

UNIT_FACTORS = {
    ("km", "mi"): 0.621371,
    ("mi", "km"): 1.609344,
    ("kg", "lb"): 2.204623,
    ("lb", "kg"): 0.453592,
}

SAFE_NAMES = {"sqrt": math.sqrt, "ceil": math.ceil, "floor": math.floor, "pi": math.pi}
OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow, ast.USub: operator.neg,
}


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

    def _eval(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in OPS:
            return OPS[type(node.op)](self._eval(node.operand))
        if isinstance(node, ast.Name) and node.id in SAFE_NAMES:
            return SAFE_NAMES[node.id]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SAFE_NAMES:
            return SAFE_NAMES[node.func.id](*[self._eval(a) for a in node.args])
        raise ValueError("unsupported expression")

    def result(self):
        return self._eval(ast.parse(self.expression, mode="eval").body)


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
