"""Accounts-payable lookups over the nightly ERP invoice export."""
import os
from functools import lru_cache

from flask import Blueprint, abort, jsonify, request
from flask_login import login_required
from lxml import etree

bp = Blueprint("ap", __name__, url_prefix="/ap")
INVOICE_EXPORT = os.environ.get("AP_EXPORT", "/srv/ap/export/invoices.xml")
STATUSES = {"open", "approved", "paid", "disputed"}


@lru_cache(maxsize=1)
def load_tree(mtime):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(INVOICE_EXPORT, parser)


def current_tree():
    return load_tree(os.path.getmtime(INVOICE_EXPORT))


def invoice_query(vendor, status=None):
    expr = "//invoice[vendor/@code=$vendor]"
    variables = {"vendor": vendor}
    if status in STATUSES:
        expr += "[@status=$status]"
        variables["status"] = status
    return expr, variables


def serialize(node):
    return {
        "number": node.get("number"),
        "status": node.get("status"),
        "vendor": node.findtext("vendor/name"),
        "amount": node.findtext("total"),
        "currency": node.find("total").get("currency") if node.find("total") is not None else None,
        "due": node.findtext("due-date"),
    }


@bp.route("/invoices")
@login_required
def list_invoices():
    vendor = request.args.get("vendor", "").strip()
    status = request.args.get("status")
    if not vendor:
        abort(400, "vendor is required")
    expr, variables = invoice_query(vendor, status)
    nodes = current_tree().xpath(expr, **variables)
    return jsonify({"vendor": vendor, "invoices": [serialize(n) for n in nodes]})


@bp.route("/invoices/<int:number>")
@login_required
def get_invoice(number):
    nodes = current_tree().xpath("//invoice[@number=$num]", num=str(number))
    if not nodes:
        abort(404)
    return jsonify(serialize(nodes[0]))
