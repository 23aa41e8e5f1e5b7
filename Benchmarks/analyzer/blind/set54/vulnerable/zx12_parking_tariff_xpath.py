"""Parking tariff quote API backed by the municipal tariff XML document.

The tariff file is published by the city and cached locally; it also
contains <contract> elements with negotiated fleet rates that must only
be shown to the matching fleet account.
"""
import json
import logging
import os
from functools import lru_cache

from fastapi import FastAPI, Header, HTTPException, Query
from lxml import etree

TARIFF_FILE = os.environ.get("TARIFF_FILE", "/srv/parking/tariffs.xml")
FLEET_TOKENS = json.loads(os.environ.get("FLEET_TOKENS_JSON", "{}"))  # token -> fleet account
log = logging.getLogger("tariffs")
app = FastAPI()


@lru_cache(maxsize=1)
def tariff_tree():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(TARIFF_FILE, parser)


class TariffQuery:
    def __init__(self, zone: str, vehicle_class: str, fleet: str = ""):
        self.zone = zone
        self.vehicle_class = vehicle_class
        self.fleet = fleet

    def rate_expr(self) -> str:
        return "/tariffs/zone[@code='%s']/rate[@class='%s']" % (self.zone, self.vehicle_class)

    def contract_expr(self) -> str:
        return "/tariffs/contract[@fleet='%s' and @zone='%s']/rate" % (self.fleet, self.zone)


def run_query(expr: str):
    return tariff_tree().xpath(expr)  # VULN flow


def rate_to_dict(node):
    return {
        "per_hour_cents": int(node.get("perHour", "0")),
        "max_daily_cents": int(node.get("maxDaily", "0")),
        "free_minutes": int(node.get("freeMinutes", "0")),
        "source": node.getparent().tag,
    }


@app.get("/quote")
def quote(
    zone: str = Query(..., max_length=40),
    vehicle_class: str = Query("car", max_length=40),
    hours: float = Query(1.0, gt=0, le=72),
    x_fleet_token: str = Header(""),
):
    q = TariffQuery(zone, vehicle_class, FLEET_TOKENS.get(x_fleet_token, "") if x_fleet_token else "")
    nodes = []
    if q.fleet:
        nodes = run_query(q.contract_expr())
    if not nodes:
        nodes = run_query(q.rate_expr())
    if not nodes:
        raise HTTPException(status_code=404, detail="no tariff for zone")
    rates = [rate_to_dict(n) for n in nodes]
    best = min(rates, key=lambda r: r["per_hour_cents"])
    total = min(int(best["per_hour_cents"] * hours), best["max_daily_cents"] or 10**9)
    return {"zone": zone, "class": vehicle_class, "hours": hours, "total_cents": total, "rates": rates}
