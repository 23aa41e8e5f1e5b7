"""Topology lookups against the nightly LLDP topology export (XML)."""
import logging
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

log = logging.getLogger(__name__)

NEIGHBOR_XPATH = etree.XPath("//site[@name=$site]/device[@hostname=$device]/port/neighbor")


@lru_cache(maxsize=1)
def load_topology():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(settings.TOPOLOGY_XML, parser)


def serialize_neighbor(node):
    port = node.getparent()
    return {
        "local_port": port.get("name"),
        "remote_host": node.get("hostname"),
        "remote_port": node.get("port"),
        "remote_platform": node.get("platform"),
    }


@require_GET
def neighbors(request):
    site = request.GET.get("site", "")
    device = request.GET.get("device", "")
    if not site or not device:
        return HttpResponseBadRequest("site and device are required")
    nodes = NEIGHBOR_XPATH(load_topology(), site=site, device=device)
    result = [serialize_neighbor(n) for n in nodes]
    log.debug("found %d neighbors for %r/%r", len(result), site, device)
    return JsonResponse({"site": site, "device": device, "neighbors": result})


@require_GET
def devices_at_site(request):
    site = request.GET.get("site", "")
    if not site:
        return HttpResponseBadRequest("site is required")
    hosts = load_topology().xpath("//site[@name=$site]/device/@hostname", site=site)
    return JsonResponse({"site": site, "devices": sorted(str(h) for h in hosts)})
