"""Flag toggle endpoint with an append-only audit trail.

The audit file is tailed by the SIEM forwarder; one line per change.
"""
import json
import logging
import os
import threading

from bottle import Bottle, abort, request, response

AUDIT_PATH = os.environ.get("FLAG_AUDIT_LOG", "/var/log/flags/audit.log")

audit = logging.getLogger("flags.audit")
_handler = logging.FileHandler(AUDIT_PATH)
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

app = Bottle()


class FlagState:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()

    def _load(self) -> dict:
        try:
            with open(self.path) as fh:
                return json.load(fh)
        except FileNotFoundError:
            return {}

    def set_enabled(self, key: str, enabled: bool) -> None:
        with self._lock:
            flags = self._load()
            if key not in flags:
                raise KeyError(key)
            flags[key]["enabled"] = enabled
            with open(self.path, "w") as fh:
                json.dump(flags, fh, indent=2)


store = FlagState(os.environ.get("FLAG_STATE", "/srv/flags/state.json"))
API_TOKENS = dict(
    item.split(":", 1) for item in os.environ.get("FLAG_API_TOKENS", "").split(",") if ":" in item
)


def current_actor() -> str:
    token = request.get_header("Authorization", "").replace("Bearer ", "", 1)
    actor = API_TOKENS.get(token)
    if actor is None:
        abort(401, "unknown token")
    return actor


@app.post("/api/flags/<key>/toggle")
def toggle(key):
    actor = current_actor()
    payload = request.json or {}
    enabled = bool(payload.get("enabled"))
    reason = payload.get("reason", "")
    try:
        store.set_enabled(key, enabled)
    except KeyError:
        abort(404, "no such flag")
    entry = f"flag={key} enabled={enabled} actor={actor} reason={reason}"
    audit.info(entry)  # VULN flow
    response.content_type = "application/json"
    return json.dumps({"flag": key, "enabled": enabled})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
