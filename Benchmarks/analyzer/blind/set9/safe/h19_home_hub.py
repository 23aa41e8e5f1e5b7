"""Home hub: small REST API that drives LIRC IR blasters and reads sensors."""
import json
import logging
import subprocess
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
logger = logging.getLogger("homehub")

SENSOR_CACHE = Path("/var/lib/homehub/sensors.json")
REMOTES = {
    "livingroom_tv": {"KEY_POWER", "KEY_VOLUMEUP", "KEY_VOLUMEDOWN", "KEY_MUTE", "KEY_INPUT"},
    "soundbar": {"KEY_POWER", "KEY_VOLUMEUP", "KEY_VOLUMEDOWN"},
    "bedroom_ac": {"KEY_POWER", "KEY_TEMPUP", "KEY_TEMPDOWN", "KEY_MODE"},
}


def read_sensors() -> dict:
    try:
        return json.loads(SENSOR_CACHE.read_text())
    except (OSError, ValueError):
        logger.warning("sensor cache unavailable")
        return {}


@app.get("/api/sensors")
def sensors():
    return jsonify(read_sensors())


@app.post("/api/ir/<remote>")
def send_ir(remote: str):
    """Send a key press through the IR blaster, e.g. POST /api/ir/livingroom_tv {"key": "KEY_POWER"}."""
    keys = REMOTES.get(remote)
    if keys is None:
        abort(404)
    data = request.get_json(silent=True) or {}
    key = data.get("key")
    if key not in keys:
        abort(400, "unsupported key for this remote")
    try:
        repeat = max(1, min(int(data.get("repeat", 1)), 10))
    except (TypeError, ValueError):
        abort(400, "repeat must be an integer")

    argv = ["irsend", f"--count={repeat}", "SEND_ONCE", remote, key]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=5)
    if result.returncode != 0:
        logger.error("irsend failed for %s", remote)
        return jsonify({"ok": False}), 502
    return jsonify({"ok": True})


@app.get("/api/ir/remotes")
def list_remotes():
    return jsonify({name: sorted(keys) for name, keys in REMOTES.items()})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8123, debug=False)
