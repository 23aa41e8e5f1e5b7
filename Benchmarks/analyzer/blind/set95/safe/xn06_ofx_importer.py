"""Upload endpoint for OFX 2.x (XML) bank statements."""
import logging
from datetime import datetime
from decimal import Decimal, InvalidOperation

from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("ofx_import", __name__, url_prefix="/import/ofx")
log = logging.getLogger(__name__)

MAX_UPLOAD = 5 * 1024 * 1024


def _parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _ofx_date(value):
    if not value:
        return None
    return datetime.strptime(value[:8], "%Y%m%d").date().isoformat()


def _amount(value):
    try:
        return str(Decimal(value or "0"))
    except InvalidOperation:
        return None


def parse_ofx(data: bytes):
    root = etree.fromstring(data, _parser())
    txns = []
    for st in root.iter("STMTTRN"):
        txns.append({
            "type": st.findtext("TRNTYPE"),
            "posted": _ofx_date(st.findtext("DTPOSTED")),
            "amount": _amount(st.findtext("TRNAMT")),
            "fitid": st.findtext("FITID"),
            "payee": st.findtext("NAME") or st.findtext("MEMO") or "",
        })
    account = root.findtext(".//BANKACCTFROM/ACCTID")
    return account, txns


@bp.route("", methods=["POST"])
def upload_ofx():
    upload = request.files.get("statement")
    if upload is None:
        return jsonify({"error": "statement file required"}), 400
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return jsonify({"error": "file too large"}), 413

    try:
        account, txns = parse_ofx(data)
    except etree.XMLSyntaxError as exc:
        log.info("rejected OFX upload: %r", str(exc))
        return jsonify({"error": "not a valid OFX 2.x file"}), 422

    return jsonify({"account": account, "count": len(txns), "preview": txns[:20]})
