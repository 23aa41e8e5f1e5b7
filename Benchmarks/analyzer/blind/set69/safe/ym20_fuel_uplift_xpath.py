"""Into-plane fuel uplift ledger API.

The fuel farm's system exports a single XML ledger covering every operator
at the airport; each airline sees only its own uplifts, keyed by API key.
"""
import os
from functools import lru_cache
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException
from lxml import etree

app = FastAPI(title="fuel-uplift-ledger")

LEDGER_PATH = os.environ.get("FUEL_LEDGER", "/srv/fuel/ledger.xml")
API_KEYS = {
    k: v for k, v in (
        item.split(":", 1) for item in os.environ.get("FUEL_API_KEYS", "").split(",") if ":" in item
    )
}


@lru_cache(maxsize=1)
def load_ledger(mtime: float):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(LEDGER_PATH, parser)


def ledger():
    return load_ledger(os.path.getmtime(LEDGER_PATH))


def operator_for(x_api_key: str = Header(...)) -> str:
    operator = API_KEYS.get(x_api_key)
    if operator is None:
        raise HTTPException(status_code=401, detail="unknown API key")
    return operator


def build_query(operator: str, tail: str, station: Optional[str]):
    query = "//operator[@code=$op]/uplift[@tail=$tail"
    variables = {"op": operator, "tail": tail}
    if station:
        query += " and @station=$station"
        variables["station"] = station
    return query + "]", variables


def _to_dict(node):
    return {
        "tail": node.get("tail"),
        "station": node.get("station"),
        "ticket": node.findtext("ticket"),
        "litres": float(node.findtext("litres") or 0),
        "density": float(node.findtext("density") or 0),
        "completed": node.findtext("completed"),
    }


@app.get("/uplifts/{tail}")
def uplifts(tail: str, station: Optional[str] = None, operator: str = Depends(operator_for)):
    query, variables = build_query(operator, tail.upper(), station.upper() if station else None)
    nodes = ledger().xpath(query, **variables)
    items = [_to_dict(n) for n in nodes]
    return {
        "tail": tail.upper(),
        "count": len(items),
        "total_litres": round(sum(i["litres"] for i in items), 1),
        "uplifts": items,
    }
