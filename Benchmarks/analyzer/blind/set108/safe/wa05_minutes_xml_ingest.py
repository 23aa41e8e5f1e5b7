"""Receives council meeting minutes pushed by the agenda-management vendor
as XML and indexes agenda items for the public minutes search page."""
import logging

from aiohttp import web
from lxml import etree

log = logging.getLogger("minutes_ingest")

MINUTES_NS = {"m": "urn:civic:minutes:1.0"}
MAX_BODY = 5 * 1024 * 1024


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, remove_blank_text=True)


def _text(node, path):
    value = node.findtext(path, namespaces=MINUTES_NS)
    return value.strip() if value else ""


def parse_minutes(body: bytes) -> dict:
    parser = make_parser()
    root = etree.fromstring(body, parser)
    meeting = {
        "body": _text(root, "m:body"),
        "date": _text(root, "m:meetingDate"),
        "items": [],
    }
    for item in root.iterfind("m:agendaItem", namespaces=MINUTES_NS):
        meeting["items"].append(
            {
                "number": item.get("number"),
                "title": _text(item, "m:title"),
                "action": _text(item, "m:action"),
                "vote": _text(item, "m:vote"),
            }
        )
    return meeting


async def receive_minutes(request: web.Request) -> web.Response:
    if request.content_type not in ("application/xml", "text/xml"):
        raise web.HTTPUnsupportedMediaType(text="expected XML")
    if request.content_length and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    body = await request.read()
    try:
        meeting = parse_minutes(body)
    except etree.XMLSyntaxError as exc:
        raise web.HTTPBadRequest(text=f"malformed minutes: {exc}")
    request.app["index"].append(meeting)
    log.info("indexed %d agenda items", len(meeting["items"]))
    return web.json_response({"indexed": len(meeting["items"]), "date": meeting["date"]})


async def search_minutes(request: web.Request) -> web.Response:
    q = request.query.get("q", "").lower()
    hits = []
    for meeting in request.app["index"]:
        for item in meeting["items"]:
            if q and q in item["title"].lower():
                hits.append({"date": meeting["date"], **item})
    return web.json_response({"results": hits[:100]})


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app["index"] = []
    app.router.add_post("/ingest/minutes", receive_minutes)
    app.router.add_get("/minutes/search", search_minutes)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8085)
