"""Cooperage partners upload YAML barrel manifests when a shipment leaves their yard."""
import datetime as dt
import hmac
import logging
import os
from typing import List

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024
log = logging.getLogger("barrels.manifests")

PARTNER_KEYS = dict(
    item.split(":", 1) for item in os.environ.get("COOPERAGE_KEYS", "").split(",") if ":" in item
)
INVENTORY: List[dict] = []
REQUIRED = ("barrel_id", "oak", "toast", "volume_l")


def parse_manifest(raw: bytes) -> dict:
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "barrels" not in doc:
        raise ValueError("manifest must contain a 'barrels' list")
    return doc


def normalise(barrel: dict, partner: str, shipped: str) -> dict:
    missing = [k for k in REQUIRED if k not in barrel]
    if missing:
        raise ValueError("barrel missing %s" % ", ".join(missing))
    return {
        "barrel_id": str(barrel["barrel_id"]),
        "oak": str(barrel["oak"]),
        "toast": str(barrel["toast"]),
        "volume_l": float(barrel["volume_l"]),
        "cooperage": partner,
        "shipped_on": shipped,
        "received": False,
    }


@app.post("/api/cooperage/<partner>/manifests")
def upload_manifest(partner):
    expected = PARTNER_KEYS.get(partner)
    if expected is None or not hmac.compare_digest(request.headers.get("X-Partner-Key", ""), expected):
        abort(403)
    upload = request.files.get("manifest")
    raw = upload.read() if upload else request.get_data()
    try:
        doc = parse_manifest(raw)
        shipped = str(doc.get("shipped_on") or dt.date.today().isoformat())
        barrels = [normalise(b, partner, shipped) for b in doc["barrels"]]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        log.warning("manifest from %r rejected: %r", partner, exc)
        abort(422, "invalid manifest")
    INVENTORY.extend(barrels)
    log.info("accepted %d barrels from %s", len(barrels), partner)
    return jsonify({"accepted": len(barrels)}), 201


@app.get("/api/barrels/incoming")
def incoming():
    pending = [b for b in INVENTORY if not b["received"]]
    return jsonify({"count": len(pending), "barrels": pending})
