import json
import os
import threading

from flask import Flask, request, jsonify, abort

app = Flask(__name__)
FLAGS_FILE = os.environ.get("FLAGS_FILE", "flags.json")
_lock = threading.Lock()


def load_flags():
    try:
        with open(FLAGS_FILE) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def save_flags(flags):
    with _lock, open(FLAGS_FILE, "w") as fh:
        json.dump(flags, fh, indent=2)


def rule_matches(rule, user):
    env = {"user": user, "country": user.get("country"), "plan": user.get("plan"), "beta": user.get("beta", False)}
    return bool(eval(rule, {"__builtins__": {}}, env))  # VULN flow


@app.get("/flags")
def list_flags():
    return jsonify(load_flags())


@app.post("/flags/<name>/evaluate")
def evaluate(name):
    flag = load_flags().get(name)
    if flag is None:
        abort(404)
    body = request.get_json(silent=True) or {}
    user = body.get("user", {})
    rule = body.get("dry_run_rule") or flag.get("rule", "True")
    enabled = flag.get("enabled", False) and rule_matches(rule, user)
    return jsonify({"flag": name, "enabled": enabled})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050, debug=True)  # VULN
