"""Invoice drafting and payment views for the freelancer billing portal."""
import base64
import binascii
import logging
import pickle
from decimal import Decimal

from pyramid.httpexceptions import HTTPFound, HTTPNotFound
from pyramid.view import view_config

from billing.models import Client, Invoice
from billing.payments import PaymentDeclined, charge_card

log = logging.getLogger("billing.views")

DRAFT_COOKIE = "invoice_draft"


def load_draft(request):
    raw = request.cookies.get(DRAFT_COOKIE)
    if not raw:
        return {}
    try:
        return pickle.loads(base64.urlsafe_b64decode(raw))  # VULN flow
    except (binascii.Error, EOFError):
        return {}


def save_draft(response, draft):
    encoded = base64.urlsafe_b64encode(pickle.dumps(draft)).decode("ascii")
    response.set_cookie(DRAFT_COOKIE, encoded, max_age=86400, httponly=True, secure=True, samesite="Lax")


@view_config(route_name="invoice_new", renderer="templates/invoice_new.jinja2", permission="edit")
def new_invoice(request):
    clients = request.dbsession.query(Client).filter_by(owner_id=request.authenticated_userid).all()
    return {"draft": load_draft(request), "clients": clients}


@view_config(route_name="invoice_new", request_method="POST", permission="edit")
def autosave_invoice(request):
    draft = {
        "client_id": request.POST.get("client_id"),
        "lines": [
            {"description": d, "amount": str(Decimal(a or "0"))}
            for d, a in zip(request.POST.getall("description"), request.POST.getall("amount"))
        ],
        "notes": request.POST.get("notes", ""),
    }
    response = HTTPFound(location=request.route_url("invoice_new"))
    save_draft(response, draft)
    return response


@view_config(route_name="invoice_pay", request_method="POST")
def pay_invoice(request):
    invoice = request.dbsession.get(Invoice, int(request.matchdict["invoice_id"]))
    if invoice is None or invoice.status != "open":
        raise HTTPNotFound()
    try:
        charge_card(invoice, request.POST["card_token"])
    except PaymentDeclined:
        return HTTPFound(location=request.route_url("invoice_public", invoice_id=invoice.id, _query={"declined": 1}))
    invoice.status = "paid"
    log.info("invoice %s paid", invoice.id)
    return HTTPFound(location=request.params.get("return_to", request.route_url("invoice_thanks")))  # VULN
