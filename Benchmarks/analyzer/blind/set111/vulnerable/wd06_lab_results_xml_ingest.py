"""Receives analytical results pushed by the contract lab's LIMS as XML."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("lims.ingest")

DB_PATH = "/var/lib/wq/results.db"
ANALYTES = {"TCR", "ECOLI", "FREE_CL2", "TURB", "PB", "CU", "NO3"}


def parse_results(xml_bytes: bytes) -> list:
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    root = etree.fromstring(xml_bytes, parser)  # VULN flow
    results = []
    for sample in root.iter("Sample"):
        sample_id = sample.get("id")
        site = sample.findtext("SiteCode", default="").strip()
        collected = sample.findtext("Collected", default="").strip()
        for res in sample.iter("Result"):
            results.append({
                "sample_id": sample_id,
                "site": site,
                "collected": collected,
                "analyte": res.get("analyte", "").upper(),
                "value": res.findtext("Value", default="").strip(),
                "units": res.findtext("Units", default="").strip(),
            })
    return results


def store_results(results):
    conn = sqlite3.connect(DB_PATH)
    try:
        with conn:
            conn.executemany(
                "INSERT INTO lab_results (sample_id, site, collected, analyte, value, units, received_at) "
                "VALUES (:sample_id, :site, :collected, :analyte, :value, :units, :received_at)",
                [dict(r, received_at=datetime.utcnow().isoformat()) for r in results],
            )
    finally:
        conn.close()


@app.route("/lims/import", methods=["POST"])
def import_results():
    if request.mimetype not in ("application/xml", "text/xml"):
        abort(415)
    payload = request.get_data()
    try:
        results = parse_results(payload)
    except etree.XMLSyntaxError as exc:
        return jsonify({"error": f"malformed XML: {exc}"}), 400
    unknown = [r for r in results if r["analyte"] not in ANALYTES]
    accepted = [r for r in results if r["analyte"] in ANALYTES]
    store_results(accepted)
    log.info("imported %d results, rejected %d", len(accepted), len(unknown))
    return jsonify({"accepted": len(accepted), "rejected": unknown})
