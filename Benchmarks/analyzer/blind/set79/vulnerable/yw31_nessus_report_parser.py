"""Upload endpoint for .nessus (v2) exports. Any team running their own
scanner can drop results here; findings are loaded into the vuln tracker."""
import logging
import sqlite3
import tempfile
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import Flask, jsonify, request

DB_PATH = "/var/lib/vulntracker/findings.db"
MAX_REPORT = 200 * 1024 * 1024

log = logging.getLogger("nessus_upload")
app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = MAX_REPORT


class NessusHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.findings = []
        self._host = None
        self._item = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "ReportHost":
            self._host = attrs.get("name")
        elif name == "ReportItem":
            self._item = {
                "host": self._host,
                "plugin_id": int(attrs.get("pluginID", 0)),
                "severity": int(attrs.get("severity", 0)),
                "port": int(attrs.get("port", 0)),
                "name": attrs.get("pluginName", ""),
            }
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if self._item is not None and name in ("synopsis", "solution", "cve"):
            self._item[name] = "".join(self._text).strip()
        elif name == "ReportItem" and self._item is not None:
            if self._item["severity"] > 0:
                self.findings.append(self._item)
            self._item = None


def parse_report(path: str) -> list:
    handler = NessusHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # VULN
    parser.setContentHandler(handler)
    parser.parse(path)
    return handler.findings


@app.route("/reports/nessus", methods=["POST"])
def upload_nessus():
    upload = request.files.get("report")
    if upload is None:
        return jsonify(error="report file missing"), 400
    with tempfile.NamedTemporaryFile(suffix=".nessus") as tmp:
        upload.save(tmp)
        tmp.flush()
        findings = parse_report(tmp.name)
    with sqlite3.connect(DB_PATH) as conn:
        conn.executemany(
            "INSERT INTO findings (host, plugin_id, severity, port, name, synopsis, solution, cve) "
            "VALUES (:host, :plugin_id, :severity, :port, :name, :synopsis, :solution, :cve)",
            [{"synopsis": "", "solution": "", "cve": "", **f} for f in findings],
        )
    log.info("loaded %d findings", len(findings))
    return jsonify(loaded=len(findings))
