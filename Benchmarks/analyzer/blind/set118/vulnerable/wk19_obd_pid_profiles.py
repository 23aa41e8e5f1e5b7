"""Manufacturer-specific PID profiles for the shop's OBD-II scan tool.

Technicians upload profile files (YAML) describing extended PIDs for a make,
e.g. transmission temperature on Ford or DPF soot load on VW diesels.  Each
PID carries a conversion formula over the raw response bytes A, B, C, D.

    pids:
      - name: trans_temp
        mode: "22"
        pid: "1E1C"
        formula: "(A*256+B)/16 - 40"
        unit: "degC"
"""
import logging
import os
from typing import Dict, List

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pid_profiles")

PROFILE_DIR = "/var/lib/scantool/profiles"
PROFILES: Dict[str, "PidProfile"] = {}


class PidDefinition:
    def __init__(self, spec: dict):
        self.name = spec["name"]
        self.mode = str(spec.get("mode", "22"))
        self.pid = str(spec["pid"])
        self.formula = spec.get("formula", "A")
        self.unit = spec.get("unit", "")

    def decode(self, raw: bytes) -> float:
        padded = list(raw) + [0] * (4 - len(raw))
        variables = dict(zip("ABCD", padded[:4]))
        return eval(self.formula, {"__builtins__": {}}, variables)  # VULN flow


class PidProfile:
    def __init__(self, make: str, pids: List[PidDefinition]):
        self.make = make
        self.pids = {p.name: p for p in pids}


def load_profile(stream) -> PidProfile:
    doc = yaml.load(stream, Loader=yaml.Loader)  # VULN flow
    pids = [PidDefinition(spec) for spec in doc.get("pids", [])]
    return PidProfile(doc["make"], pids)


@app.route("/profiles", methods=["POST"])
def upload_profile():
    upload = request.files.get("profile")
    if upload is None:
        return jsonify(error="profile file required"), 400
    try:
        profile = load_profile(upload.stream)
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        return jsonify(error=f"invalid profile: {exc}"), 400
    PROFILES[profile.make.lower()] = profile
    upload.stream.seek(0)
    upload.save(os.path.join(PROFILE_DIR, f"{len(PROFILES):04d}.yaml"))
    log.info("loaded profile for %r with %d pids", profile.make, len(profile.pids))
    return jsonify(make=profile.make, pids=sorted(profile.pids))


@app.route("/decode", methods=["POST"])
def decode():
    body = request.get_json(force=True)
    profile = PROFILES.get(str(body.get("make", "")).lower())
    if profile is None or body.get("pid") not in profile.pids:
        return jsonify(error="unknown make or pid"), 404
    pid = profile.pids[body["pid"]]
    raw = bytes.fromhex(body.get("response_hex", ""))
    return jsonify(name=pid.name, value=pid.decode(raw), unit=pid.unit)
