"""Import columbarium niche inventory from the wall vendor's XML export."""
import logging
import sqlite3
from decimal import Decimal, InvalidOperation

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 4 * 1024 * 1024
DB_PATH = "/var/lib/cemetery/inventory.db"
log = logging.getLogger("niche_import")

NICHE_FIELDS = ("wall", "row", "column", "status", "price")
VALID_STATUS = {"available", "reserved", "sold", "occupied", "hold"}


def parse_inventory(payload: bytes):
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(payload, parser)
    niches = []
    for node in root.iter("niche"):
        item = {f: (node.findtext(f) or "").strip() for f in NICHE_FIELDS}
        item["id"] = node.get("id")
        niches.append(item)
    return root.get("columbarium"), niches


def validate(item: dict) -> str:
    if not item["id"]:
        return "missing id"
    if item["status"].lower() not in VALID_STATUS:
        return f"unknown status {item['status']}"
    try:
        Decimal(item["price"] or "0")
    except InvalidOperation:
        return f"bad price {item['price']}"
    return ""


def upsert(conn, columbarium: str, item: dict) -> None:
    conn.execute(
        "INSERT INTO niches (columbarium, niche_id, wall, row_no, col_no, status, price) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(columbarium, niche_id) DO UPDATE SET status = excluded.status, "
        "price = excluded.price",
        (columbarium, item["id"], item["wall"], item["row"], item["column"],
         item["status"].lower(), item["price"] or "0"),
    )


@app.route("/admin/columbaria/import", methods=["POST"])
def import_inventory():
    upload = request.files.get("inventory")
    if upload is None:
        abort(400, "inventory file required")
    payload = upload.read()
    try:
        columbarium, niches = parse_inventory(payload)
    except etree.XMLSyntaxError as exc:
        return jsonify(error="invalid XML", detail=str(exc)), 400
    if not columbarium:
        return jsonify(error="columbarium attribute missing"), 400

    rejected, imported = [], 0
    conn = sqlite3.connect(DB_PATH)
    with conn:
        for item in niches:
            problem = validate(item)
            if problem:
                rejected.append({"id": item["id"], "reason": problem})
                continue
            upsert(conn, columbarium, item)
            imported += 1
    conn.close()
    log.info("imported %d niches into %r (%d rejected)", imported, columbarium, len(rejected))
    return jsonify(columbarium=columbarium, imported=imported, rejected=rejected)
