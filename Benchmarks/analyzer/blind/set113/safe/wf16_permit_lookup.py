"""County burial-transit permit lookup backed by the nightly registry XML.

Families and out-of-state receiving homes confirm a permit by entering the permit
number and the decedent's surname.
"""
import logging
import os

from bottle import Bottle, abort, request
from lxml import etree

REGISTRY_XML = os.environ.get("PERMIT_REGISTRY_XML", "/srv/registry/permits.xml")
log = logging.getLogger("permit_lookup")
app = Bottle()


class PermitRegistry:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            self._tree = etree.parse(self.path, self._parser)
            self._mtime = mtime
            log.info("reloaded permit registry (%s)", self.path)
        return self._tree

    def find(self, permit_no: str, surname: str):
        expr = (
            "//permit[@number=$permit_no "
            "and translate(decedent/surname, 'abcdefghijklmnopqrstuvwxyz', "
            "'ABCDEFGHIJKLMNOPQRSTUVWXYZ')=$surname]"
        )
        return self.tree().xpath(expr, permit_no=permit_no, surname=surname.upper())


registry = PermitRegistry(REGISTRY_XML)


def permit_summary(node) -> dict:
    return {
        "number": node.get("number"),
        "issued": node.findtext("issued"),
        "county": node.findtext("county"),
        "disposition": node.findtext("disposition"),
        "place_of_disposition": node.findtext("place"),
        "decedent": f"{node.findtext('decedent/given')} {node.findtext('decedent/surname')}",
    }


@app.get("/permits/verify")
def verify_permit():
    permit_no = request.query.get("permit", "").strip()
    surname = request.query.get("surname", "").strip()
    if not permit_no or not surname:
        abort(400, "permit and surname are required")
    matches = registry.find(permit_no, surname)
    if not matches:
        return {"found": False}
    return {"found": True, "permits": [permit_summary(m) for m in matches]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
