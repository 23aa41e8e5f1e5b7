"""Home hub: small REST API that drives LIRC IR blasters and reads sensors."""
import json
import logging
import subprocess
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
logger = logging.getLogger("homehub")

SENSOR_CACHE = Path("/var/lib/homehub/sensors.json")


def read_sensors() -> dict:
    try:
        return json.loads(SENSOR_CACHE.read_text())
    except (OSError, ValueError):
        logger.warning("sensor cache unavailable")
        return {}


@app.get("/api/sensors")
def sensors():
    return jsonify(read_sensors())


@app.get("/api/sensors/<name>")
def sensor(name: str):
    data = read_sensors()
    if name not in data:
        abort(404)
    return jsonify({name: data[name]})


@app.post("/api/ir/<remote>")
def send_ir(remote: str):
    """Send a key press through the IR blaster, e.g. POST /api/ir/livingroom_tv {"key": "KEY_POWER"}."""
    data = request.get_json(force=True) or {}
    key = data.get("key", "")
    repeat = int(data.get("repeat", 1))
    if not key:
        abort(400, "key required")

    cmd = f"irsend SEND_ONCE {remote} {key} --count={repeat}"
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=5)  # VULN flow
    if result.returncode != 0:
        return jsonify({"ok": False, "error": result.stderr.strip()}), 502
    return jsonify({"ok": True})


@app.get("/api/ir/remotes")
def list_remotes():
    result = subprocess.run(["irsend", "LIST", "", ""], capture_output=True, text=True, timeout=5)
    remotes = [line.split()[-1] for line in result.stderr.splitlines() if line.strip()]
    return jsonify(remotes)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8123, debug=True)  # VULN
