"""Slack slash command `/calc` for quick arithmetic in channels."""
import ast
import hashlib
import hmac
import operator
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()

BIN_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod, ast.Pow: operator.pow,
}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def verify_slack_request(req):
    timestamp = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(timestamp)) > 300:
        return False
    basestring = b"v0:" + timestamp.encode() + b":" + req.get_data()
    expected = "v0=" + hmac.new(SIGNING_SECRET, basestring, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", ""))


def _eval_node(node):
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval_node(node.left), _eval_node(node.right)
        if isinstance(node.op, ast.Pow) and (abs(right) > 100 or abs(left) > 10**6):
            raise ValueError("exponent too large")
        return BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand))
    raise ValueError("unsupported expression")


class Calculator:
    def __init__(self):
        self.history = {}

    @staticmethod
    def normalise(text):
        expr = text.replace("\u00d7", "*").replace("\u00f7", "/").replace("^", "**")
        return expr.strip()

    def evaluate(self, user_id, text):
        expr = self.normalise(text)
        if len(expr) > 200:
            raise ValueError("expression too long")
        value = _eval_node(ast.parse(expr, mode="eval").body)
        self.history.setdefault(user_id, []).append((expr, value))
        return value

    def last(self, user_id, n=5):
        return self.history.get(user_id, [])[-n:]


calc = Calculator()


@app.post("/slack/calc")
def slash_calc():
    if not verify_slack_request(request):
        abort(401)
    user_id = request.form.get("user_id", "")
    text = request.form.get("text", "")
    if text.strip() == "history":
        lines = [f"{e} = {v}" for e, v in calc.last(user_id)] or ["(empty)"]
        return jsonify(response_type="ephemeral", text="\n".join(lines))
    try:
        result = calc.evaluate(user_id, text)
    except Exception:
        return jsonify(response_type="ephemeral", text="Sorry, I could not evaluate that.")
    return jsonify(response_type="in_channel", text=f"{text} = {result}")
