"""Course catalogue lookup backed by the registrar's nightly XML export."""
import logging
import os
import threading

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

logger = logging.getLogger("catalogue")
app = FastAPI(title="course-catalogue")

CATALOGUE_PATH = os.environ.get("CATALOGUE_XML", "/srv/registrar/catalogue.xml")
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class CatalogueIndex:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                self._tree = etree.parse(self.path, SAFE_PARSER)
                self._mtime = mtime
                logger.info("catalogue reloaded")
            return self._tree

    def courses_taught_by(self, instructor, term):
        expression = (
            f"/catalogue/course[instructor/@surname='{instructor}' and offering/@term='{term}']"
        )
        return self.tree.xpath(expression)  # VULN flow

    @staticmethod
    def serialise(node):
        return {
            "code": node.get("code"),
            "title": node.findtext("title", default=""),
            "credits": int(node.get("credits", "0")),
            "instructors": [i.get("surname") for i in node.findall("instructor")],
        }


index = CatalogueIndex(CATALOGUE_PATH)


@app.get("/courses/by-instructor")
def by_instructor(
    surname: str = Query(..., min_length=2, max_length=60),
    term: str = Query("2024FA", max_length=8),
):
    try:
        nodes = index.courses_taught_by(surname, term)
    except etree.XPathError:
        raise HTTPException(status_code=400, detail="invalid search")
    return {"count": len(nodes), "courses": [index.serialise(n) for n in nodes]}
