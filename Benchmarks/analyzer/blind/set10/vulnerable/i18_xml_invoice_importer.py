import os
import threading

from flask import Flask, request, jsonify, abort
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
ARCHIVE_PATH = os.environ.get("INVOICE_ARCHIVE", "invoices.xml")
_lock = threading.Lock()


def vendor_for(api_key):
    keys = dict(item.split(":", 1) for item in os.environ.get("VENDOR_KEYS", "").split(",") if ":" in item)
    return keys.get(api_key)


def load_archive():
    if not os.path.exists(ARCHIVE_PATH):
        return etree.Element("archive")
    return etree.parse(ARCHIVE_PATH).getroot()


@app.post("/invoices/import")
def import_invoices():
    vendor = vendor_for(request.headers.get("X-Api-Key", ""))
    if vendor is None:
        abort(401)
    doc = etree.fromstring(request.data, etree.XMLParser(resolve_entities=True, huge_tree=True))  # VULN
    with _lock:
        archive = load_archive()
        count = 0
        for inv in doc.iter("invoice"):
            inv.set("vendor", vendor)
            archive.append(inv)
            count += 1
        etree.ElementTree(archive).write(ARCHIVE_PATH, xml_declaration=True, encoding="utf-8")
    return jsonify({"imported": count}), 201


@app.get("/invoices/<path:number>")
def get_invoice(number):
    vendor = vendor_for(request.headers.get("X-Api-Key", ""))
    if vendor is None:
        abort(401)
    archive = load_archive()
    found = archive.xpath(f"//invoice[@vendor='{vendor}' and @number='{number}']")  # VULN flow
    if not found:
        abort(404)
    return jsonify([
        {"number": inv.get("number"), "total": inv.findtext("total"), "note": inv.findtext("note")}
        for inv in found
    ])
