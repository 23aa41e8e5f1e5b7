"""Celery task importing supplier product feeds uploaded through the partner portal."""
import logging
from decimal import Decimal

from celery import shared_task
from lxml import etree

from catalog.models import Product, SupplierUpload

log = logging.getLogger(__name__)

FEED_NS = {"f": "urn:example:supplier-feed:1"}


def _parser():
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def parse_feed(payload):
    root = etree.fromstring(payload, _parser())  # VULN flow
    items = []
    for node in root.iterfind("f:item", FEED_NS):
        items.append({
            "sku": node.findtext("f:sku", namespaces=FEED_NS),
            "title": node.findtext("f:title", namespaces=FEED_NS),
            "price": Decimal(node.findtext("f:price", default="0", namespaces=FEED_NS)),
            "stock": int(node.findtext("f:stock", default="0", namespaces=FEED_NS)),
        })
    return items


@shared_task(bind=True, max_retries=3, acks_late=True)
def import_supplier_feed(self, upload_id):
    upload = SupplierUpload.objects.select_related("supplier").get(pk=upload_id)
    with upload.file.open("rb") as fh:
        payload = fh.read()
    try:
        items = parse_feed(payload)
    except etree.XMLSyntaxError as exc:
        upload.mark_failed(str(exc))
        return {"upload": upload_id, "imported": 0}
    created = 0
    for item in items:
        if not item["sku"]:
            continue
        _, was_created = Product.objects.update_or_create(
            supplier=upload.supplier, sku=item["sku"],
            defaults={"title": item["title"] or "", "price": item["price"], "stock": item["stock"]},
        )
        created += int(was_created)
    upload.mark_done(len(items))
    log.info("upload %r: %d items, %d new", upload_id, len(items), created)
    return {"upload": upload_id, "imported": len(items), "created": created}
