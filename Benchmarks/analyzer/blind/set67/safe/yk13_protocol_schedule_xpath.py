"""Visit schedule lookups against the study protocol XML definitions."""
import os
import re
from functools import lru_cache
from typing import List

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

app = FastAPI(title="protocol-schedule")

PROTOCOL_DIR = os.environ.get("PROTOCOL_DIR", "/srv/protocols")
STUDY_RE = re.compile(r"^[A-Z]{3}-\d{3}$")
_parser = etree.XMLParser(resolve_entities=False, no_network=True)


@lru_cache(maxsize=32)
def load_protocol(study_id: str) -> etree._ElementTree:
    if not STUDY_RE.match(study_id):
        raise HTTPException(status_code=404, detail="unknown study")
    path = os.path.join(PROTOCOL_DIR, f"{study_id}.xml")
    if not os.path.exists(path):
        raise HTTPException(status_code=404, detail="unknown study")
    return etree.parse(path, _parser)


def visits_for_arm(tree, arm_code: str, max_day: int) -> List[dict]:
    expr = "/protocol/arms/arm[@code=$code]/visit[number(@day) <= $max_day]"
    nodes = tree.xpath(expr, code=arm_code, max_day=max_day)
    return [
        {
            "code": n.get("code"),
            "day": int(n.get("day")),
            "window": n.get("window", "0"),
            "procedures": [p.text for p in n.findall("procedure")],
        }
        for n in nodes
    ]


def visit_label(tree, visit_code: str) -> str:
    return tree.xpath("string(/protocol/arms/arm/visit[@code=$code]/@label)", code=visit_code)


@app.get("/studies/{study_id}/arms/{arm_code}/visits")
def list_visits(study_id: str, arm_code: str, max_day: int = Query(365, ge=0, le=3650)):
    tree = load_protocol(study_id)
    visits = visits_for_arm(tree, arm_code, max_day)
    if not visits:
        raise HTTPException(status_code=404, detail="no visits for arm")
    return {"study": study_id, "arm": arm_code, "visits": visits}


@app.get("/studies/{study_id}/visits/{visit_code}/label")
def get_visit_label(study_id: str, visit_code: str):
    tree = load_protocol(study_id)
    label = visit_label(tree, visit_code)
    if not label:
        raise HTTPException(status_code=404, detail="unknown visit")
    return {"visit": visit_code, "label": label}
