"""Ingests DMARC aggregate (RUA) reports forwarded by the inbound mail hook.

Mailbox providers send these reports to rua@ our domains; the inbound MTA
posts each attachment here and we store a summary for the deliverability team.
"""
import gzip
import io
import logging
import zipfile

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("dmarc.ingest")

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
REPORTS: list = []


def unpack(filename: str, blob: bytes) -> bytes:
    if filename.endswith(".gz"):
        return gzip.decompress(blob)
    if filename.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(blob)) as zf:
            names = [n for n in zf.namelist() if n.endswith(".xml")]
            return zf.read(names[0]) if names else b""
    return blob


def parse_report(xml_bytes: bytes) -> dict:
    root = etree.fromstring(xml_bytes, PARSER)
    meta = root.find("report_metadata")
    policy = root.find("policy_published")
    if meta is None or policy is None:
        raise ValueError("not a DMARC aggregate report")
    records = []
    for rec in root.iterfind("record"):
        row = rec.find("row")
        records.append({
            "source_ip": row.findtext("source_ip"),
            "count": int(row.findtext("count") or 0),
            "disposition": row.findtext("policy_evaluated/disposition"),
            "dkim": row.findtext("policy_evaluated/dkim"),
            "spf": row.findtext("policy_evaluated/spf"),
            "header_from": rec.findtext("identifiers/header_from"),
        })
    return {
        "org": meta.findtext("org_name"),
        "report_id": meta.findtext("report_id"),
        "domain": policy.findtext("domain"),
        "policy": policy.findtext("p"),
        "records": records,
    }


@app.post("/dmarc/reports")
def ingest():
    upload = request.files.get("report")
    if upload is None or not upload.filename:
        abort(400, "missing report attachment")
    xml_bytes = unpack(upload.filename, upload.read())
    try:
        report = parse_report(xml_bytes)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected report: %s", type(exc).__name__)
        abort(422, "unparseable report")
    REPORTS.append(report)
    failing = sum(r["count"] for r in report["records"] if r["dkim"] != "pass" and r["spf"] != "pass")
    return jsonify(stored=True, summary={**report, "failing_messages": failing}), 201


@app.get("/dmarc/reports")
def list_reports():
    domain = request.args.get("domain")
    items = [r for r in REPORTS if not domain or r["domain"] == domain]
    return jsonify(reports=items[-50:])
