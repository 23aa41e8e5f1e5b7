"""Contact lookup for the legacy SMS gateway phonebook (aiohttp).

The phonebook is an XML file maintained by the ops team:
    <phonebook><contact group="support" restricted="false">
        <name>Jane Doe</name><msisdn>+4915112345678</msisdn></contact>...</phonebook>
"""
import logging
import os
from typing import List, Optional

from aiohttp import web
from lxml import etree

PHONEBOOK_PATH = os.environ.get("PHONEBOOK_PATH", "/etc/smsgw/phonebook.xml")
log = logging.getLogger("smsgw.phonebook")


class Phonebook:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            self._tree = etree.parse(self.path, etree.XMLParser(resolve_entities=False, no_network=True))
            self._mtime = mtime
            log.info("phonebook reloaded")
        return self._tree

    def find(self, name: Optional[str] = None, group: Optional[str] = None) -> List[dict]:
        preds = ["not(@restricted='true')"]
        variables = {}
        if name:
            preds.append("contains(translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), $name)")
            variables["name"] = name.lower()
        if group:
            preds.append("@group=$group")
            variables["group"] = group
        expr = "//contact[" + " and ".join(preds) + "]"
        nodes = self.tree().xpath(expr, **variables)
        return [
            {"name": n.findtext("name"), "msisdn": n.findtext("msisdn"), "group": n.get("group")}
            for n in nodes
        ]


async def lookup(request: web.Request) -> web.Response:
    book: Phonebook = request.app["phonebook"]
    name = request.query.get("name", "").strip()
    group = request.query.get("group") or None
    if not name and not group:
        raise web.HTTPBadRequest(text="name or group required")
    try:
        contacts = book.find(name, group)
    except etree.XPathEvalError:
        raise web.HTTPBadRequest(text="bad query")
    return web.json_response({"contacts": contacts[:50]})


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def make_app() -> web.Application:
    app = web.Application()
    app["phonebook"] = Phonebook(PHONEBOOK_PATH)
    app.router.add_get("/contacts", lookup)
    app.router.add_get("/health", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8181)
