"""Share device profiles (thermostat curves, lock schedules) between hubs.

Profiles are exported from one hub and imported on another, typically via
a file the installer e-mails around or posts on the installer forum.
"""
import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Dict, List

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("profiles")


@dataclass
class DeviceProfile:
    model: str
    name: str
    settings: Dict[str, float] = field(default_factory=dict)
    schedule: List[dict] = field(default_factory=list)
    version: int = 1


PROFILES: Dict[str, DeviceProfile] = {
    "th-eco": DeviceProfile("TH-200", "Eco comfort", {"min": 16.0, "max": 23.0}),
}


def load_profile(blob: str) -> DeviceProfile:
    data = json.loads(blob)
    if not isinstance(data, dict):
        raise ValueError("not a device profile")
    try:
        return DeviceProfile(
            model=str(data["model"]),
            name=str(data["name"]),
            settings={str(k): float(v) for k, v in dict(data.get("settings", {})).items()},
            schedule=[dict(s) for s in data.get("schedule", [])],
            version=int(data.get("version", 1)),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError("not a device profile") from exc


def dump_profile(profile: DeviceProfile) -> str:
    return json.dumps(asdict(profile))


@app.get("/profiles")
def list_profiles():
    return jsonify({key: {"model": p.model, "name": p.name} for key, p in PROFILES.items()})


@app.get("/profiles/<key>/export")
def export_profile(key):
    profile = PROFILES.get(key)
    if profile is None:
        return jsonify(error="unknown profile"), 404
    return app.response_class(dump_profile(profile), mimetype="application/json")


@app.post("/profiles/<key>/import")
def import_profile(key):
    payload = request.get_data(as_text=True)
    if len(payload) > 64 * 1024:
        return jsonify(error="profile too large"), 413
    try:
        profile = load_profile(payload)
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    PROFILES[key] = profile
    log.info("imported profile %r for model %r", key, profile.model)
    return jsonify(imported=key, model=profile.model), 201
