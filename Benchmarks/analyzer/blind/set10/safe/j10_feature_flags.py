import json
import operator
import os

from flask import Flask, request, jsonify, abort

app = Flask(__name__)
FLAGS_FILE = os.environ.get("FLAGS_FILE", "flags.json")
MAX_DEPTH = 5
OPS = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gte": operator.ge,
    "lte": operator.le,
    "in": lambda left, right: left in right,
    "not_in": lambda left, right: left not in right,
}


def load_flags():
    try:
        with open(FLAGS_FILE) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def rule_matches(rule, user, depth=0):
    if not rule:
        return True
    if depth > MAX_DEPTH or not isinstance(rule, dict):
        return False
    if "all" in rule:
        return all(rule_matches(r, user, depth + 1) for r in rule["all"])
    if "any" in rule:
        return any(rule_matches(r, user, depth + 1) for r in rule["any"])
    op = OPS.get(rule.get("op"))
    if op is None:
        return False
    try:
        return bool(op(user.get(str(rule.get("attr"))), rule.get("value")))
    except TypeError:
        return False


@app.get("/flags")
def list_flags():
    return jsonify(load_flags())


@app.post("/flags/<name>/evaluate")
def evaluate(name):
    flag = load_flags().get(name)
    if flag is None:
        abort(404)
    body = request.get_json(silent=True) or {}
    user = body.get("user", {}) if isinstance(body, dict) else {}
    if not isinstance(user, dict):
        abort(400)
    rule = body.get("dry_run_rule") or flag.get("rule")
    enabled = bool(flag.get("enabled", False)) and rule_matches(rule, user)
    return jsonify({"flag": name, "enabled": enabled})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050, debug=False)
