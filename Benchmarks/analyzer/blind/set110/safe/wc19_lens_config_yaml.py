"""Lens lab profile import.

Optical labs send us a YAML profile describing their lens catalogue (materials,
coatings, turnaround).  Practices upload it on the settings page.
"""
import logging
from typing import Any, Dict

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("lens_profiles")

REQUIRED_KEYS = {"lab_code", "lab_name", "materials"}
PROFILES: Dict[str, Dict[str, Any]] = {}


class ProfileError(ValueError):
    pass


def read_upload(storage) -> str:
    raw = storage.read(256 * 1024)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError("profile must be UTF-8") from exc


def parse_profile(text: str) -> Dict[str, Any]:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ProfileError("profile must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise ProfileError(f"missing keys: {', '.join(sorted(missing))}")
    return doc


def normalise(doc: Dict[str, Any]) -> Dict[str, Any]:
    materials = []
    for item in doc.get("materials", []):
        materials.append({
            "name": str(item.get("name", "")).strip(),
            "index": float(item.get("index", 1.5)),
            "coatings": [str(c) for c in item.get("coatings", [])],
        })
    return {
        "lab_code": str(doc["lab_code"]).upper(),
        "lab_name": str(doc["lab_name"]),
        "turnaround_days": int(doc.get("turnaround_days", 7)),
        "materials": materials,
    }


@app.route("/settings/lens-labs", methods=["POST"])
def upload_profile():
    upload = request.files.get("profile")
    if upload is None:
        return jsonify({"error": "no file"}), 400
    try:
        profile = normalise(parse_profile(read_upload(upload)))
    except (ProfileError, yaml.YAMLError, TypeError, ValueError) as exc:
        return jsonify({"error": str(exc)}), 400
    PROFILES[profile["lab_code"]] = profile
    log.info("lens lab profile %r loaded (%d materials)", profile["lab_code"], len(profile["materials"]))
    return jsonify({"lab_code": profile["lab_code"], "materials": len(profile["materials"])})
