"""Accounts-payable API: suppliers push UBL invoices as XML."""
import hmac
import os
import sqlite3
from decimal import Decimal, InvalidOperation

from defusedxml import ElementTree as ET
from defusedxml.common import DefusedXmlException
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
DB = os.environ.get("AP_DB", "payables.db")
NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def supplier_for(api_key):
    with sqlite3.connect(DB) as conn:
        for supplier_id, key in conn.execute("SELECT id, api_key FROM suppliers"):
            if hmac.compare_digest(key, api_key):
                return supplier_id
    return None


@app.route("/api/invoices", methods=["POST"])
def import_invoice():
    supplier = supplier_for(request.headers.get("X-Api-Key", ""))
    if supplier is None:
        abort(401)
    try:
        root = ET.fromstring(request.get_data())
    except (ET.ParseError, DefusedXmlException):
        abort(400)
    number = root.findtext("cbc:ID", namespaces=NS)
    issued = root.findtext("cbc:IssueDate", namespaces=NS)
    total = root.findtext(".//cbc:PayableAmount", namespaces=NS)
    if not number or not total:
        abort(422)
    try:
        amount = Decimal(total)
    except InvalidOperation:
        abort(422)
    with sqlite3.connect(DB) as conn:
        conn.execute(
            "INSERT INTO invoices (supplier_id, number, issued, total) VALUES (?, ?, ?, ?)",
            (supplier, number[:64], issued, str(amount)),
        )
    return jsonify({"number": number}), 201
