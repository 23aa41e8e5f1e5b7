"""Django view that ingests supplier product feeds delivered as XML."""
import logging
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from lxml import etree

from catalog.models import Product, Supplier

logger = logging.getLogger(__name__)

FEED_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
MAX_FEED_BYTES = 5 * 1024 * 1024


def _text(node, tag: str) -> str:
    return (node.findtext(tag) or "").strip()


def parse_feed(document: bytes) -> list:
    root = etree.fromstring(document, parser=FEED_PARSER)  # VULN flow
    products = []
    for node in root.iterfind("product"):
        try:
            price = Decimal(_text(node, "price") or "0")
        except InvalidOperation:
            logger.warning("skipping product with unparseable price: %r", node.get("sku"))
            continue
        products.append({
            "sku": (node.get("sku") or "").strip(),
            "name": _text(node, "name"),
            "description": _text(node, "description"),
            "price": price,
        })
    return [product for product in products if product["sku"]]


@csrf_exempt
@require_POST
def import_feed(request: HttpRequest, supplier_code: str) -> JsonResponse:
    token = request.headers.get("X-Feed-Token", "")
    supplier = Supplier.objects.filter(code=supplier_code, feed_token=token).first()
    if supplier is None:
        return JsonResponse({"error": "unknown supplier"}, status=403)
    if len(request.body) > MAX_FEED_BYTES:
        return JsonResponse({"error": "feed too large"}, status=413)
    try:
        products = parse_feed(request.body)
    except etree.XMLSyntaxError:
        return JsonResponse({"error": "malformed feed"}, status=400)
    with transaction.atomic():
        for item in products:
            Product.objects.update_or_create(
                supplier=supplier,
                sku=item["sku"],
                defaults={
                    "name": item["name"][:200],
                    "description": item["description"],
                    "price": item["price"],
                },
            )
    logger.info("imported %d products for supplier %r", len(products), supplier.code)
    return JsonResponse({"imported": len(products)})
