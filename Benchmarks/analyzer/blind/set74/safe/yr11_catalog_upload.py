"""Falcon resource accepting course catalogue uploads from departments.

Department schedulers export their section of the catalogue from the
curriculum tool as XML and upload it here ahead of each registration cycle.
"""
import logging
import os
import sqlite3

import falcon
from lxml import etree

log = logging.getLogger("catalog.upload")

MAX_UPLOAD = 5 * 1024 * 1024
DB_PATH = os.environ.get("CATALOG_DB", "/var/lib/catalog/catalog.sqlite3")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                           remove_blank_text=True)


def parse_catalog(body: bytes) -> list:
    root = etree.fromstring(body, parser=_parser())
    courses = []
    for node in root.iterfind("course"):
        courses.append({
            "code": (node.findtext("code") or "").strip(),
            "title": (node.findtext("title") or "").strip(),
            "credits": float(node.findtext("credits") or 0),
            "description": (node.findtext("description") or "").strip(),
        })
    return courses


class CatalogStore:
    def __init__(self, path: str):
        self.path = path

    def replace(self, dept: str, courses: list) -> None:
        conn = sqlite3.connect(self.path)
        try:
            with conn:
                conn.execute("DELETE FROM courses WHERE dept = ?", (dept,))
                conn.executemany(
                    "INSERT INTO courses (dept, code, title, credits, description) VALUES (?, ?, ?, ?, ?)",
                    [(dept, c["code"], c["title"], c["credits"], c["description"]) for c in courses],
                )
        finally:
            conn.close()


class CatalogUploadResource:
    def __init__(self, store: CatalogStore):
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response, dept: str) -> None:
        if not dept.isalpha() or len(dept) > 6:
            raise falcon.HTTPBadRequest(title="Invalid department code")
        if req.content_length and req.content_length > MAX_UPLOAD:
            raise falcon.HTTPPayloadTooLarge()
        body = req.bounded_stream.read()
        try:
            courses = parse_catalog(body)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise falcon.HTTPBadRequest(title="Malformed catalogue", description=str(exc))
        self.store.replace(dept.upper(), courses)
        log.info("imported %d courses for %s", len(courses), dept.upper())
        resp.media = {"department": dept.upper(), "imported": len(courses), "preview": courses[:3]}


app = falcon.App()
app.add_route("/catalog/{dept}/upload", CatalogUploadResource(CatalogStore(DB_PATH)))
