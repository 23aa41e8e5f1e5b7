"""cXML OrderRequest intake endpoint for punch-out enabled suppliers.

Buyers' procurement systems POST cXML documents here; we parse the header
credentials and order lines and hand them to the order service.
"""
import logging
from decimal import Decimal
from xml.sax.saxutils import quoteattr

from flask import Flask, Response, request
from lxml import etree

from orders import OrderService, SharedSecretStore

app = Flask(__name__)
log = logging.getLogger("cxml.intake")

orders = OrderService.from_env()
secrets_store = SharedSecretStore.from_env()

CXML_PARSER = etree.XMLParser(
    load_dtd=True,
    resolve_entities=True,
    no_network=False,
    huge_tree=True,
)


def cxml_response(code, text, payload_id=""):
    body = (
        '<?xml version="1.0"?><cXML payloadID=%s><Response>'
        '<Status code="%d" text=%s/></Response></cXML>'
        % (quoteattr(payload_id), code, quoteattr(text))
    )
    return Response(body, status=200, mimetype="text/xml")


def parse_document(raw: bytes):
    return etree.fromstring(raw, CXML_PARSER)  # VULN flow


def extract_lines(root):
    lines = []
    for item in root.iterfind(".//ItemOut"):
        lines.append(
            {
                "line": int(item.get("lineNumber", "0")),
                "qty": Decimal(item.get("quantity", "0")),
                "sku": item.findtext("ItemID/SupplierPartID", default="").strip(),
                "unit_price": Decimal(
                    item.findtext("ItemDetail/UnitPrice/Money", default="0")
                ),
                "description": item.findtext("ItemDetail/Description", default=""),
            }
        )
    return lines


@app.route("/cxml/order", methods=["POST"])
def order_request():
    try:
        root = parse_document(request.get_data())
    except etree.XMLSyntaxError as exc:
        log.warning("malformed cXML: %r", str(exc))
        return cxml_response(400, "Bad Request")

    payload_id = root.get("payloadID", "")
    sender = root.findtext("Header/Sender/Credential/Identity", default="")
    secret = root.findtext("Header/Sender/Credential/SharedSecret", default="")
    if not secrets_store.check(sender, secret):
        return cxml_response(401, "Unauthorized", payload_id)

    order_ref = root.find(".//OrderRequestHeader")
    if order_ref is None:
        return cxml_response(400, "Missing OrderRequestHeader", payload_id)

    orders.submit(
        buyer=sender,
        order_id=order_ref.get("orderID"),
        lines=extract_lines(root),
    )
    return cxml_response(200, "OK", payload_id)
