"""Upload endpoint for rating factor tables maintained by the pricing team and MGAs."""
import hashlib
import logging
import os
import re
from datetime import datetime, timezone

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pricing.tables")

TABLE_DIR = os.environ.get("RATING_TABLE_DIR", "/srv/pricing/tables")
REQUIRED_KEYS = {"product", "version", "base_rate", "factors"}
PRODUCT_RE = re.compile(r"[A-Z]{2,10}")
UPLOAD_TOKENS = set(filter(None, os.environ.get("PRICING_UPLOAD_TOKENS", "").split(",")))


def parse_table(raw: bytes) -> dict:
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("table must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise ValueError(f"missing keys: {', '.join(sorted(missing))}")
    for name, bands in doc["factors"].items():
        if not isinstance(bands, dict):
            raise ValueError(f"factor {name} must map band -> multiplier")
        for band, mult in bands.items():
            if not 0 < float(mult) < 10:
                raise ValueError(f"factor {name}/{band} out of range")
    return doc


@app.route("/pricing/tables", methods=["POST"])
def upload_table():
    if request.headers.get("X-Upload-Token") not in UPLOAD_TOKENS:
        abort(403)
    raw = request.get_data()
    try:
        table = parse_table(raw)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return jsonify({"error": str(exc)}), 422

    product = str(table["product"])
    if not PRODUCT_RE.fullmatch(product):
        return jsonify({"error": "bad product code"}), 422
    version = int(table["version"])
    checksum = hashlib.sha256(raw).hexdigest()
    path = os.path.join(TABLE_DIR, f"{product}_v{version}.yaml")
    with open(path, "wb") as fh:
        fh.write(raw)
    log.info("stored rating table %s v%d (%s)", product, version, checksum[:12])
    return jsonify({
        "product": product,
        "version": version,
        "sha256": checksum,
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    }), 201
