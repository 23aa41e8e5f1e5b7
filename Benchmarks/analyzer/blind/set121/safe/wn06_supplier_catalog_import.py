"""Supplier catalogue import for the apiary supply shop.

Wholesale suppliers (foundation sheets, frames, smokers, feeders) upload their
product feed in our XML format v3 from the supplier area of the site.
"""
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as etree
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product

log = logging.getLogger("shop.catalog_import")
MAX_UPLOAD = 5 * 1024 * 1024


@dataclass
class CatalogItem:
    sku: str
    name: str
    price: Decimal
    stock: int
    category: str


def _text(node, tag, default=""):
    value = node.findtext(tag)
    return value.strip() if value else default


def parse_catalog(xml_bytes: bytes):
    root = etree.fromstring(xml_bytes, forbid_dtd=True)
    items = []
    for node in root.iter("product"):
        try:
            price = Decimal(_text(node, "price", "0"))
            stock = int(_text(node, "stock", "0") or 0)
        except (InvalidOperation, ValueError):
            log.warning("skipping product with bad numbers: %r", _text(node, "sku"))
            continue
        items.append(CatalogItem(
            sku=_text(node, "sku"),
            name=_text(node, "name"),
            price=price,
            stock=stock,
            category=_text(node, "category", "misc"),
        ))
    return items


@login_required
@require_POST
def import_catalog(request):
    supplier = getattr(request.user, "supplier", None)
    if supplier is None:
        return JsonResponse({"error": "not a supplier account"}, status=403)
    upload = request.FILES.get("catalog")
    if upload is None or upload.size > MAX_UPLOAD:
        return JsonResponse({"error": "catalog file missing or too large"}, status=400)
    try:
        items = parse_catalog(upload.read())
    except (ParseError, DefusedXmlException):
        return JsonResponse({"error": "catalog is not well-formed XML"}, status=400)

    created = updated = 0
    with transaction.atomic():
        for item in items:
            _obj, was_created = Product.objects.update_or_create(
                supplier=supplier,
                sku=item.sku,
                defaults={"name": item.name, "price": item.price,
                          "stock": item.stock, "category": item.category},
            )
            created += was_created
            updated += not was_created
    log.info("catalog import for supplier %s: %d new, %d updated", supplier.pk, created, updated)
    return JsonResponse({"created": created, "updated": updated,
                         "preview": [i.name for i in items[:5]]})
