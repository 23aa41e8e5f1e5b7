"""Customer billing portal: invoice lookup over the nightly ERP invoice XML export."""
import os
import threading
import time
from decimal import Decimal
from typing import Optional

from flask import Flask, abort, jsonify, request, session
from lxml import etree

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]

EXPORT_PATH = os.environ.get("ERP_INVOICE_EXPORT", "/srv/erp/exports/invoices.xml")
STATUSES = {"open", "paid", "overdue", "void"}


class InvoiceIndex:
    def __init__(self, path: str, max_age: int = 900) -> None:
        self.path = path
        self.max_age = max_age
        self._lock = threading.Lock()
        self._tree = None
        self._loaded_at = 0.0

    def tree(self):
        with self._lock:
            if self._tree is None or time.time() - self._loaded_at > self.max_age:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._loaded_at = time.time()
            return self._tree

    @staticmethod
    def _to_dict(node) -> dict:
        return {
            "number": node.get("number"),
            "status": node.get("status"),
            "po": node.findtext("po"),
            "issued": node.findtext("issued"),
            "due": node.findtext("due"),
            "total": str(Decimal(node.findtext("total", "0"))),
            "currency": node.find("total").get("currency"),
        }

    def for_customer(self, customer_id: str, status: Optional[str] = None,
                     po: Optional[str] = None) -> list[dict]:
        expr = f"//invoice[customer/@id='{customer_id}']"
        if status:
            expr += f"[@status='{status}']"
        if po:
            expr += f"[po='{po}']"
        nodes = self.tree().xpath(expr)  # VULN flow
        return [self._to_dict(n) for n in nodes]


index = InvoiceIndex(EXPORT_PATH)


def current_customer() -> str:
    customer = session.get("customer_id")
    if not customer:
        abort(401)
    return customer


@app.get("/billing/invoices")
def invoices():
    customer = current_customer()
    status = request.args.get("status")
    if status is not None and status not in STATUSES:
        abort(400, description="unknown status")
    rows = index.for_customer(customer, status, request.args.get("po"))
    outstanding = sum(Decimal(r["total"]) for r in rows if r["status"] in ("open", "overdue"))
    return jsonify({"invoices": rows, "outstanding": str(outstanding)})
