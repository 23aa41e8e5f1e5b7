"""Station hardware inventory views (Django).

The hardware team keeps the commissioning inventory as a single XML export
from the asset system (one <station> per charge point, including the
commissioning PIN and the modem APN credentials). Field technicians look up
a single station by serial from the mobile commissioning app.
"""
import logging
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

log = logging.getLogger("inventory")

INVENTORY_XML = getattr(settings, "STATION_INVENTORY_XML", "/srv/inventory/stations.xml")
PUBLIC_FIELDS = ("model", "vendor", "firmware", "site", "commissioned")


@lru_cache(maxsize=1)
def _load_tree():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(INVENTORY_XML, parser)


def _station_query(serial: str, vendor: str = "") -> str:
    query = "//station[@serial='%s']" % serial
    if vendor:
        query += "[vendor='%s']" % vendor
    return query


def _as_dict(node, include_secrets: bool) -> dict:
    data = {"serial": node.get("serial")}
    for name in PUBLIC_FIELDS:
        data[name] = node.findtext(name, default="")
    if include_secrets:
        data["commissioning_pin"] = node.findtext("commissioningPin", default="")
        data["apn_password"] = node.findtext("modem/apnPassword", default="")
    return data


@require_GET
def station_detail(request: HttpRequest) -> JsonResponse:
    serial = request.GET.get("serial", "").strip()
    vendor = request.GET.get("vendor", "").strip()
    if not serial:
        return JsonResponse({"error": "serial required"}, status=400)

    tree = _load_tree()
    nodes = tree.xpath(_station_query(serial, vendor))  # VULN flow
    if not nodes:
        return JsonResponse({"error": "not found"}, status=404)

    technician = request.user.is_authenticated and request.user.has_perm("inventory.commission")
    stations = [_as_dict(n, include_secrets=technician) for n in nodes]
    log.info("station lookup %r returned %d result(s)", serial, len(stations))
    return JsonResponse({"stations": stations})


@require_GET
def site_stations(request: HttpRequest, site: str) -> JsonResponse:
    tree = _load_tree()
    nodes = tree.xpath("//station[site=$site]", site=site)
    return JsonResponse({"site": site, "serials": [n.get("serial") for n in nodes]})
