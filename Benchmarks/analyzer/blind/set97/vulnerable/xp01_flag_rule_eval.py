"""Feature flag evaluation API.

Flags live as JSON documents on disk.  Each variant can carry a targeting
rule written as a small boolean expression over the evaluation context,
for example ``country == "DE" and plan in ("pro", "team")``.
"""
import json
import logging
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("flags.eval")

FLAG_DIR = Path("/srv/flags")


class FlagStore:
    def __init__(self, root: Path):
        self.root = root
        self._cache: dict[str, dict] = {}

    def get(self, key: str) -> dict:
        if key not in self._cache:
            path = self.root / f"{key}.json"
            if not path.is_file():
                raise KeyError(key)
            self._cache[key] = json.loads(path.read_text())
        return self._cache[key]


store = FlagStore(FLAG_DIR)


def rule_matches(rule: str, context: dict) -> bool:
    scope = {"__builtins__": {}}
    scope.update(context)
    try:
        return bool(eval(rule, scope))  # VULN flow
    except Exception as exc:
        log.debug("rule evaluation error: %r", exc)
        return False


def pick_variant(flag: dict, context: dict) -> str:
    for variant in flag.get("variants", []):
        rule = variant.get("rule")
        if not rule or rule_matches(rule, context):
            return variant["name"]
    return flag.get("default", "off")


@app.get("/v1/flags/<key>")
def evaluate(key):
    try:
        flag = store.get(key)
    except KeyError:
        abort(404)
    context = {k: v for k, v in request.args.items() if k.isidentifier()}
    return jsonify(flag=key, variant=pick_variant(flag, context))


@app.post("/v1/flags/preview")
def preview():
    """Dry-run a draft rule against a sample context from the flag editor."""
    body = request.get_json(force=True) or {}
    draft = body.get("rule", "")
    sample = body.get("context", {})
    if not isinstance(draft, str) or not isinstance(sample, dict):
        abort(400)
    matched = rule_matches(draft, sample)
    return jsonify(rule=draft, matched=matched)


if __name__ == "__main__":
    app.run(port=5001)
