"""Fee schedule lookup service backed by the product catalogue XML.

The catalogue also carries internal-only fee lines (staff pricing,
negotiated corporate rates) flagged with visibility="internal".
"""
import logging
import os
from functools import lru_cache
from typing import List

from fastapi import FastAPI, HTTPException
from lxml import etree

CATALOGUE = os.environ.get("FEE_CATALOGUE", "/etc/products/fee_schedule.xml")

app = FastAPI(title="Fee schedule")
log = logging.getLogger("fees.lookup")


@lru_cache(maxsize=1)
def catalogue() -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(CATALOGUE, parser)


def fee_path(channel: str = "") -> str:
    expr = "/schedule/product[@code=$product]/fee[@tier=$tier"
    if channel:
        expr += " and @channel=$channel"
    return expr + " and not(@visibility='internal')]"


def _as_dict(node) -> dict:
    return {
        "product": node.getparent().get("code"),
        "tier": node.get("tier"),
        "channel": node.get("channel", "any"),
        "type": node.get("type"),
        "amount": node.findtext("amount"),
        "currency": node.findtext("currency"),
        "percent": node.findtext("percent"),
    }


@app.get("/fees/{product}")
def lookup_fee(product: str, tier: str = "standard", channel: str = "") -> List[dict]:
    expr = fee_path(channel)
    try:
        nodes = catalogue().xpath(expr, product=product, tier=tier, channel=channel)
    except etree.XPathEvalError:
        raise HTTPException(status_code=400, detail="invalid lookup")
    if not nodes:
        raise HTTPException(status_code=404, detail="no fee defined")
    log.info("fee lookup product=%r tier=%r -> %d lines", product, tier, len(nodes))
    return [_as_dict(n) for n in nodes]


@app.get("/fees")
def list_products() -> List[str]:
    return sorted(set(catalogue().xpath("/schedule/product/@code")))
