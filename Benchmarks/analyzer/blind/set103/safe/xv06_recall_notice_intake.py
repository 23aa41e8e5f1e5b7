"""Supplier recall notice intake.

Upstream suppliers POST recall notices as XML (GS1-flavoured schema); we
extract the affected lots and open a case for the QA team.
"""
import logging
import sqlite3
import os
from datetime import datetime, timezone

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("recall.intake")

NS = {"r": "urn:example:recall:1"}
MAX_BYTES = 2 * 1024 * 1024
CASE_DB = os.environ.get("RECALL_DB", "/var/lib/recall/cases.db")

_parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class RecallNotice:
    def __init__(self, root):
        self.root = root

    def text(self, xpath: str, default: str = "") -> str:
        found = self.root.find(xpath, NS)
        return found.text.strip() if found is not None and found.text else default

    @property
    def lots(self):
        return [el.text.strip() for el in self.root.findall("r:lots/r:lot", NS) if el.text]

    def to_dict(self) -> dict:
        return {
            "supplier": self.text("r:supplier/r:gln"),
            "product": self.text("r:product/r:gtin"),
            "reason": self.text("r:reason"),
            "severity": self.text("r:severity", "class-ii"),
            "lots": self.lots,
        }


def parse_notice(raw: bytes) -> RecallNotice:
    root = etree.fromstring(raw, _parser)
    return RecallNotice(root)


def open_case(data: dict) -> int:
    conn = sqlite3.connect(CASE_DB)
    try:
        cur = conn.execute(
            "INSERT INTO cases (supplier, product, reason, severity, lots, opened_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (data["supplier"], data["product"], data["reason"], data["severity"],
             ",".join(data["lots"]), datetime.now(timezone.utc).isoformat()),
        )
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


@app.route("/recalls/intake", methods=["POST"])
def intake():
    raw = request.get_data(cache=False)
    if len(raw) > MAX_BYTES:
        return jsonify(error="notice too large"), 413
    try:
        notice = parse_notice(raw)
    except etree.XMLSyntaxError as exc:
        log.warning("rejected notice: %r", str(exc))
        return jsonify(error="malformed XML"), 400
    data = notice.to_dict()
    if not data["lots"]:
        return jsonify(error="notice lists no lots"), 422
    case_id = open_case(data)
    log.info("opened recall case %d covering %d lots", case_id, len(data["lots"]))
    return jsonify(case_id=case_id, **data), 201
