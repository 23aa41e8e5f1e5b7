"""Van stock lookup.

Each service van's on-board inventory is synced from the warehouse system
as an XML manifest (one file per van). Technicians query it from the app to
check whether a bait or chemical is on their truck or a nearby one.
"""
import logging
from functools import lru_cache
from pathlib import Path

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

from fleet.auth import technician_required
from fleet.models import Van

log = logging.getLogger("fleet.inventory")

MANIFEST_DIR = Path("/srv/fleet/manifests")


@lru_cache(maxsize=64)
def load_manifest(van_code: str, mtime: float) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(MANIFEST_DIR / f"{van_code}.xml"), parser)


def manifest_for(van: Van) -> etree._ElementTree:
    path = MANIFEST_DIR / f"{van.code}.xml"
    return load_manifest(van.code, path.stat().st_mtime)


def product_expr(name: str, category: str = "") -> str:
    expr = f"//item[contains(translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{name.lower()}')"
    if category:
        expr += f" and @category='{category}'"
    return expr + "]"


def find_items(tree, name: str, category: str = "") -> list:
    nodes = tree.xpath(product_expr(name, category))  # VULN flow
    return [
        {
            "sku": n.get("sku"),
            "name": n.get("name"),
            "category": n.get("category"),
            "qty": float(n.findtext("qty", "0")),
            "unit": n.findtext("unit", ""),
            "lot": n.findtext("lot", ""),
        }
        for n in nodes
    ]


@require_GET
@technician_required
def van_stock(request):
    name = request.GET.get("q", "").strip()
    category = request.GET.get("category", "").strip()
    if len(name) < 2:
        return JsonResponse({"error": "query too short"}, status=400)
    branch_vans = Van.objects.filter(branch=request.technician.branch, active=True)
    results = []
    for van in branch_vans:
        try:
            items = find_items(manifest_for(van), name, category)
        except (OSError, etree.XMLSyntaxError):
            log.warning("manifest unavailable for van %s", van.code)
            continue
        if items:
            results.append({"van": van.code, "driver": van.driver_name, "items": items})
    return JsonResponse({"query": name, "vans": results})
