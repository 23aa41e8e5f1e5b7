"""Public tariff lookup for the VoIP storefront, backed by the carrier tariff XML feed."""
import logging
import os

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("tariffs")

TARIFF_FILE = os.environ.get("TARIFF_XML", "/srv/tariffs/current.xml")


class TariffBook:
    """Wraps the tariff document; internal/wholesale plans are kept in the same file."""

    def __init__(self, path: str):
        self.path = path
        self.mtime = 0.0
        self.tree = None
        self.reload()

    def reload(self):
        mtime = os.path.getmtime(self.path)
        if mtime != self.mtime:
            self.tree = etree.parse(self.path, etree.XMLParser(resolve_entities=False, no_network=True))
            self.mtime = mtime

    def public_rates(self, plan_code: str, destination: str):
        self.reload()
        query = ("/tariffs/plan[@visibility='public' and @code=$code]"
                 "/zone[starts-with(@prefix, $dest)]")
        return self.tree.xpath(query, code=plan_code, dest=destination)


book = TariffBook(TARIFF_FILE)


def zone_to_dict(zone) -> dict:
    return {
        "name": zone.get("name"),
        "prefix": zone.get("prefix"),
        "per_minute": zone.findtext("rate"),
        "connect_fee": zone.findtext("connect", default="0"),
        "plan": zone.getparent().get("code"),
    }


async def rates(request):
    plan = request.path_params["plan"]
    destination = request.query_params.get("dest", "")
    if not destination:
        return JSONResponse({"error": "dest required"}, status_code=400)
    zones = book.public_rates(plan, destination)
    log.info("tariff lookup plan=%r dest=%r -> %d zones", plan, destination, len(zones))
    return JSONResponse({"plan": plan, "zones": [zone_to_dict(z) for z in zones]})


app = Starlette(routes=[Route("/tariffs/{plan}", rates)])
