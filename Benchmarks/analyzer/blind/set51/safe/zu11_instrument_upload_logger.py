"""Ingest endpoint for readings pushed by bench instruments (pH meters, balances).

Each instrument's gateway POSTs a CSV body with headers identifying the
device; accepted files are spooled for the nightly LIMS import.
"""
import csv
import hmac
import io
import logging
import os
import uuid
from datetime import datetime, timezone

from flask import Flask, jsonify, request

app = Flask(__name__)
logging.basicConfig(
    filename=os.environ.get("INGEST_LOG", "/var/log/lab/ingest.log"),
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)
log = logging.getLogger("ingest")

INGEST_TOKEN = os.environ["INGEST_TOKEN"]
SPOOL_DIR = os.environ.get("INGEST_SPOOL", "/var/spool/lab-ingest")
REQUIRED_COLUMNS = {"timestamp", "value", "unit"}


def authorised(req) -> bool:
    return hmac.compare_digest(req.headers.get("X-Ingest-Token", ""), INGEST_TOKEN)


def describe_source(req) -> dict:
    instrument = req.headers.get("X-Instrument-Id", "unknown")
    operator = req.args.get("operator", "")
    return {"instrument": instrument, "operator": operator, "addr": req.remote_addr}


def spool(rows: list) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    name = f"{stamp}_{uuid.uuid4().hex[:8]}.csv"
    with open(os.path.join(SPOOL_DIR, name), "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=sorted(REQUIRED_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in REQUIRED_COLUMNS})
    return name


@app.route("/ingest", methods=["POST"])
def ingest():
    source = describe_source(request)
    if not authorised(request):
        log.warning("rejected upload from instrument=%r operator=%r addr=%s",
                    source["instrument"], source["operator"], source["addr"])
        return jsonify(error="forbidden"), 403

    reader = csv.DictReader(io.StringIO(request.get_data(as_text=True)))
    if not REQUIRED_COLUMNS <= set(reader.fieldnames or []):
        return jsonify(error="missing columns"), 400
    rows = list(reader)
    name = spool(rows)
    log.info("accepted %d rows into %s", len(rows), name)
    return jsonify(stored=name, rows=len(rows)), 201
