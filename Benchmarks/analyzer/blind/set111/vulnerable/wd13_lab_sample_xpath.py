"""Chain-of-custody lookups against the lab's nightly custody XML export."""
import logging
import os
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

log = logging.getLogger("custody")
app = FastAPI(title="custody-lookup")

CUSTODY_FILE = os.environ.get("CUSTODY_XML", "/srv/lims/custody/current.xml")


class CustodyIndex:
    """Caches the parsed custody document and reloads when it changes."""

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime > self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
            log.info("reloaded custody document (%s)", self.path)
        return self._tree

    def results_for(self, sample_id: str, analyte: Optional[str] = None):
        expr = f"//sample[@id='{sample_id}']/result"
        if analyte:
            expr += f"[@analyte='{analyte}']"
        return self.tree().xpath(expr)  # VULN flow

    def handlers_for(self, sample_id: str):
        return self.tree().xpath("//sample[@id=$sid]/transfer", sid=sample_id)


index = CustodyIndex(CUSTODY_FILE)


@app.get("/samples/{sample_id}/results")
def sample_results(sample_id: str, analyte: Optional[str] = Query(None, max_length=32)):
    try:
        nodes = index.results_for(sample_id, analyte)
    except etree.XPathError:
        raise HTTPException(status_code=400, detail="invalid lookup")
    if not nodes:
        raise HTTPException(status_code=404, detail="no results")
    return [
        {
            "analyte": n.get("analyte"),
            "value": n.findtext("value"),
            "units": n.findtext("units"),
            "qualifier": n.get("qualifier", ""),
            "site": n.getparent().get("site"),
        }
        for n in nodes
    ]


@app.get("/samples/{sample_id}/custody")
def sample_custody(sample_id: str):
    transfers = index.handlers_for(sample_id)
    return [
        {"from": t.get("from"), "to": t.get("to"), "at": t.get("at"), "seal": t.get("seal")}
        for t in transfers
    ]
