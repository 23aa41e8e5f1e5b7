"""Endorsement catalogue API backed by the product XML feed, scoped per broker agency."""
import logging
import os
from functools import lru_cache

from fastapi import Depends, FastAPI, Header, HTTPException
from lxml import etree

log = logging.getLogger("catalogue")
app = FastAPI(title="Endorsement catalogue")

CATALOGUE_XML = os.environ.get("CATALOGUE_XML", "/opt/products/endorsements.xml")
BROKERS_XML = os.environ.get("BROKERS_XML", "/opt/products/brokers.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@lru_cache(maxsize=1)
def catalogue():
    return etree.parse(CATALOGUE_XML, _PARSER)


@lru_cache(maxsize=1)
def brokers():
    return etree.parse(BROKERS_XML, _PARSER)


def current_broker(x_broker_id: str = Header(...), x_agency_code: str = Header(...)) -> str:
    """Only brokers with an active appointment may browse the catalogue."""
    query = ("//broker[@id='" + x_broker_id + "' and @agency='" + x_agency_code
             + "' and @status='active']")
    matches = brokers().xpath(query)  # VULN flow
    if not matches:
        raise HTTPException(status_code=403, detail="broker not appointed")
    return matches[0].get("id")


def endorsement_query(product: str, state: str) -> str:
    return (f"//product[@code='{product}']/endorsement"
            f"[not(@excluded-states) or not(contains(@excluded-states, '{state}'))]")


def describe(node) -> dict:
    return {
        "code": node.get("code"),
        "title": node.findtext("title"),
        "premium": node.get("premium"),
        "requires_referral": node.get("referral") == "true",
    }


@app.get("/products/{product}/endorsements")
def list_endorsements(product: str, state: str, broker_id: str = Depends(current_broker)):
    xpath = endorsement_query(product, state.upper())
    nodes = catalogue().xpath(xpath)  # VULN flow
    log.info("broker %r listed %d endorsements for %r/%r", broker_id, len(nodes), product, state)
    return {"product": product, "state": state, "endorsements": [describe(n) for n in nodes]}
