"""Lookup service for court local rules, used by the filing checklist UI.

The rules corpus is a single XML file maintained by the docketing team:

    <rules>
      <court code="NDCAL">
        <rule number="7-2" effective="2023-01-01"><title>Notice and Motion</title>...</rule>
      </court>
    </rules>
"""
import logging
import os
from functools import lru_cache

from fastapi import FastAPI, HTTPException
from lxml import etree

log = logging.getLogger("local_rules")
app = FastAPI(title="Local Rules")

RULES_XML = os.environ.get("LOCAL_RULES_XML", "/srv/docketing/local_rules.xml")


class RulesIndex:
    def __init__(self, path: str):
        self.tree = etree.parse(path)

    @staticmethod
    def _serialize(node) -> dict:
        return {
            "number": node.get("number"),
            "effective": node.get("effective"),
            "title": node.findtext("title"),
            "text": (node.findtext("body") or "").strip(),
        }

    def find(self, court: str, number: str):
        query = "/rules/court[@code='%s']/rule[@number='%s']" % (court, number)
        return [self._serialize(n) for n in self.tree.xpath(query)]  # VULN flow

    def search_titles(self, court: str, keyword: str):
        expr = f"/rules/court[@code='{court}']/rule[contains(translate(title, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{keyword.lower()}')]"
        nodes = self.tree.xpath(expr)  # VULN flow
        return [self._serialize(n) for n in nodes]


@lru_cache(maxsize=1)
def rules_index() -> RulesIndex:
    return RulesIndex(RULES_XML)


@app.get("/courts/{court}/rules/{number}")
def get_rule(court: str, number: str):
    found = rules_index().find(court.upper(), number)
    if not found:
        raise HTTPException(status_code=404, detail="rule not found")
    return found[0]


@app.get("/courts/{court}/rules")
def search_rules(court: str, q: str = ""):
    if len(q) < 3:
        raise HTTPException(status_code=400, detail="query must be at least 3 characters")
    results = rules_index().search_titles(court.upper(), q)
    log.info("rules search court=%r q=%r -> %d", court, q, len(results))
    return {"court": court.upper(), "results": results}
