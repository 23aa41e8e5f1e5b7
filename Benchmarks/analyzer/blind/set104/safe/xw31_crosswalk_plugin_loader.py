"""Metadata crosswalks for the aggregation job (partner schema -> portal model).

Partners maintain their crosswalk in the contributor dashboard; it is saved to
the ``crosswalks`` table as a small Python snippet such as::

    MAPPING = {
        "title": "dc:title",
        "maker": "dc:creator",
        "date": "dcterms:created",
    }
"""
import ast
import logging
import sqlite3
from typing import Dict, Iterable

log = logging.getLogger("aggregation.crosswalk")

DB_PATH = "/srv/aggregation/partners.db"
PORTAL_FIELDS = {"title", "maker", "date", "medium", "rights", "image_url", "identifier"}


class CrosswalkError(Exception):
    pass


class CrosswalkRegistry:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._cache: Dict[str, Dict[str, str]] = {}

    def _fetch_source(self, partner: str) -> str:
        row = self.conn.execute(
            "SELECT source FROM crosswalks WHERE partner = ? AND active = 1", (partner,)
        ).fetchone()
        if row is None:
            raise CrosswalkError(f"no active crosswalk for {partner!r}")
        return row[0]

    def mapping_for(self, partner: str) -> Dict[str, str]:
        if partner in self._cache:
            return self._cache[partner]
        src = self._fetch_source(partner)
        mapping = None
        tree = ast.parse(src, filename=f"<crosswalk:{partner}>", mode="exec")
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MAPPING" for t in node.targets
            ):
                mapping = ast.literal_eval(node.value)
        if not isinstance(mapping, dict):
            raise CrosswalkError(f"crosswalk for {partner!r} does not define MAPPING")
        unknown = set(mapping) - PORTAL_FIELDS
        if unknown:
            raise CrosswalkError(f"unknown portal fields: {sorted(unknown)}")
        self._cache[partner] = mapping
        return mapping


def apply(mapping: Dict[str, str], record: dict) -> dict:
    out = {}
    for target, source in mapping.items():
        value = record.get(source)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        if value not in (None, ""):
            out[target] = value
    return out


def transform_batch(partner: str, records: Iterable[dict]) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        registry = CrosswalkRegistry(conn)
        mapping = registry.mapping_for(partner)
        converted = [apply(mapping, rec) for rec in records]
    log.info("crosswalked %d records for %r", len(converted), partner)
    return converted
