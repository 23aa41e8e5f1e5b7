"""Receives CAP 1.2 alert documents pushed by upstream alerting authorities."""
import logging
from datetime import datetime, timezone

from aiohttp import web
from lxml import etree

log = logging.getLogger("cap.ingest")

CAP_NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}
MAX_BYTES = 512 * 1024


def _parser() -> etree.XMLParser:
    # feeds that reference the CAP DTD still parse; the DTD is simply ignored
    return etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)


def _text(node, path: str, default: str = "") -> str:
    found = node.find(path, CAP_NS)
    return found.text.strip() if found is not None and found.text else default


def parse_alert(raw: bytes) -> dict:
    root = etree.fromstring(raw, parser=_parser())
    info = root.find("cap:info", CAP_NS)
    if info is None:
        raise ValueError("CAP document without <info>")
    areas = [_text(a, "cap:areaDesc") for a in info.findall("cap:area", CAP_NS)]
    return {
        "identifier": _text(root, "cap:identifier"),
        "sender": _text(root, "cap:sender"),
        "sent": _text(root, "cap:sent"),
        "event": _text(info, "cap:event"),
        "severity": _text(info, "cap:severity", "Unknown"),
        "urgency": _text(info, "cap:urgency", "Unknown"),
        "headline": _text(info, "cap:headline"),
        "description": _text(info, "cap:description"),
        "areas": areas,
        "received": datetime.now(timezone.utc).isoformat(),
    }


async def ingest(request: web.Request) -> web.Response:
    raw = await request.read()
    if not raw or len(raw) > MAX_BYTES:
        raise web.HTTPBadRequest(text="empty or oversized document")
    try:
        alert = parse_alert(raw)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected CAP document: %s", type(exc).__name__)
        raise web.HTTPBadRequest(text="invalid CAP document")

    request.app["alerts"][alert["identifier"]] = alert
    log.info("accepted alert severity=%r areas=%d", alert["severity"], len(alert["areas"]))
    return web.json_response({"identifier": alert["identifier"], "event": alert["event"]},
                             status=201)


async def list_alerts(request: web.Request) -> web.Response:
    return web.json_response(list(request.app["alerts"].values()))


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_BYTES)
    app["alerts"] = {}
    app.router.add_post("/cap/ingest", ingest)
    app.router.add_get("/cap/alerts", list_alerts)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8090)
