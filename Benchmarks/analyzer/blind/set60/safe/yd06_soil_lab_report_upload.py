"""Accept soil lab reports (XML) uploaded by partner labs and store nutrient values."""
import logging
import sqlite3

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
log = logging.getLogger("soil.reports")
DB_PATH = "/var/lib/farm/soil.db"

NUTRIENTS = ("nitrogen", "phosphorus", "potassium", "ph", "organic_matter")


def build_parser() -> etree.XMLParser:
    # lab exports are small flat documents
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def parse_report(raw: bytes) -> dict:
    parser = build_parser()
    root = etree.fromstring(raw, parser)
    sample = root.find("sample")
    if sample is None:
        raise ValueError("report has no <sample> element")
    result = {
        "sample_id": sample.get("id", ""),
        "field": sample.findtext("field", default=""),
        "lab": root.findtext("lab/name", default=""),
    }
    for name in NUTRIENTS:
        text = sample.findtext(f"results/{name}")
        result[name] = float(text) if text else None
    return result


def save(report: dict) -> None:
    conn = sqlite3.connect(DB_PATH)
    try:
        conn.execute(
            "INSERT INTO soil_samples (sample_id, field, lab, nitrogen, phosphorus, "
            "potassium, ph, organic_matter) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (report["sample_id"], report["field"], report["lab"],
             *[report[n] for n in NUTRIENTS]),
        )
        conn.commit()
    finally:
        conn.close()


@app.post("/api/soil-reports")
def upload_report():
    upload = request.files.get("report")
    if upload is None:
        return jsonify(error="missing report file"), 400
    try:
        report = parse_report(upload.read())
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("rejected soil report: %r", exc)
        return jsonify(error="could not parse report"), 422
    save(report)
    return jsonify(accepted=report), 201
