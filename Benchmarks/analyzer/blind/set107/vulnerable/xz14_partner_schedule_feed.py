"""Lookups against the partner-studio schedule feed (XML, refreshed hourly).

The feed lists every class at partner studios, including private sessions
(``visibility="private"``) that carry client names; only public classes are
meant to be exposed through this API.
"""
import os
from functools import lru_cache
from typing import Optional

from fastapi import FastAPI, Query
from lxml import etree

FEED_PATH = os.environ.get("SCHEDULE_FEED", "/srv/feeds/partner_schedule.xml")

app = FastAPI(title="partner-schedule")


@lru_cache(maxsize=1)
def load_feed():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(FEED_PATH, parser)


def class_query(instructor: str, weekday: Optional[str]) -> str:
    expr = f"//studio/class[instructor='{instructor}' and @visibility='public']"
    if weekday:
        expr += f"[@day='{weekday}']"
    return expr


def to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "studio": node.getparent().get("name") if node.getparent() is not None else None,
        "day": node.get("day"),
        "start": node.findtext("start"),
        "title": node.findtext("title"),
        "instructor": node.findtext("instructor"),
        "spots_left": node.get("spots"),
    }


@app.get("/schedule/by-instructor")
def by_instructor(instructor: str = Query(..., max_length=120), weekday: Optional[str] = None):
    tree = load_feed()
    expr = class_query(instructor, weekday)
    nodes = tree.xpath(expr)  # VULN flow
    return {"count": len(nodes), "classes": [to_dict(n) for n in nodes]}


@app.get("/schedule/studios")
def studios():
    tree = load_feed()
    return {"studios": sorted(set(tree.xpath("//studio/@name")))}
