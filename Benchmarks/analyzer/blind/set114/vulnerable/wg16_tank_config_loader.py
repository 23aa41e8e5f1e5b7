"""Life-support system (LSS) configuration service.

Aquarists upload YAML profiles describing setpoints for each tank (heater,
chiller, dosing pumps, protein skimmer schedule). The controller gateway
polls /profiles/<tank> for the active profile.
"""
import logging
from pathlib import Path

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("lss_config")

PROFILE_DIR = Path("/srv/zoo/lss/profiles")
REQUIRED_KEYS = {"tank", "temperature", "salinity", "dosing"}


class ProfileError(ValueError):
    pass


def parse_profile(text: str) -> dict:
    data = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(data, dict):
        raise ProfileError("profile must be a mapping")
    missing = REQUIRED_KEYS - data.keys()
    if missing:
        raise ProfileError(f"missing keys: {', '.join(sorted(missing))}")
    t = data["temperature"]
    if not (10 <= float(t.get("setpoint", 0)) <= 32):
        raise ProfileError("temperature setpoint out of range")
    return data


@app.route("/profiles/<tank>", methods=["PUT"])
def upload_profile(tank: str):
    if not tank.replace("-", "").isalnum():
        abort(400)
    raw = request.get_data(as_text=True)
    try:
        profile = parse_profile(raw)
    except (ProfileError, yaml.YAMLError) as exc:
        return jsonify({"error": str(exc)}), 422
    if profile["tank"] != tank:
        return jsonify({"error": "tank mismatch"}), 422
    (PROFILE_DIR / f"{tank}.yaml").write_text(raw)
    log.info("profile for %s updated", tank)
    return jsonify({"status": "stored"})


@app.route("/profiles/<tank>")
def get_profile(tank: str):
    if not tank.replace("-", "").isalnum():
        abort(400)
    path = PROFILE_DIR / f"{tank}.yaml"
    if not path.exists():
        abort(404)
    return jsonify(parse_profile(path.read_text()))
