"""Resolve METS file IDs to storage locations for the digitised-book viewer.

Each digitised volume has a METS document; the public viewer may only see the
ACCESS file group, never the MASTER TIFFs held for preservation.
"""
import os
import re
from functools import lru_cache

from aiohttp import web
from lxml import etree

METS_ROOT = os.environ.get("METS_ROOT", "/srv/books/mets")
NS = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}
BOOK_RE = re.compile(r"[a-z]{2,6}-\d{4,8}")
PUBLIC_GROUP = "ACCESS"


class MetsDocument:
    def __init__(self, path: str):
        self.tree = etree.parse(path)

    def page_ids(self, group: str) -> list:
        return self.tree.xpath(
            "//mets:fileGrp[@USE=$grp]/mets:file/@ID", namespaces=NS, grp=group
        )

    def locations(self, file_id: str, group: str) -> list:
        expr = (
            "//mets:fileGrp[@USE=$grp]"
            "/mets:file[@ID=$fid]/mets:FLocat/@xlink:href"
        )
        return self.tree.xpath(expr, namespaces=NS, grp=group, fid=file_id)


@lru_cache(maxsize=256)
def load_document(book_id: str) -> MetsDocument:
    return MetsDocument(os.path.join(METS_ROOT, f"{book_id}.xml"))


def _book(request: web.Request) -> MetsDocument:
    book_id = request.match_info["book_id"]
    if not BOOK_RE.fullmatch(book_id):
        raise web.HTTPNotFound()
    try:
        return load_document(book_id)
    except OSError:
        raise web.HTTPNotFound()


async def pages(request: web.Request) -> web.Response:
    doc = _book(request)
    return web.json_response({"pages": doc.page_ids(PUBLIC_GROUP)})


async def resolve(request: web.Request) -> web.Response:
    doc = _book(request)
    file_id = request.query.get("file", "")
    if not file_id:
        raise web.HTTPBadRequest(text="file is required")
    hrefs = [str(h) for h in doc.locations(file_id, PUBLIC_GROUP)]
    if not hrefs:
        raise web.HTTPNotFound()
    return web.json_response({"file": file_id, "locations": hrefs})


app = web.Application()
app.router.add_get("/books/{book_id}/pages", pages)
app.router.add_get("/books/{book_id}/resolve", resolve)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8082)
