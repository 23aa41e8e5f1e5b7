"""VOEvent ingest endpoint for the transient follow-up system.

Brokers POST VOEvent 2.0 packets here; accepted events are queued for the
robotic follow-up scheduler.
"""
import logging
import threading

import falcon
from lxml import etree

log = logging.getLogger("voevent")


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


class VOEventParser:
    def __init__(self):
        self.parser = make_parser()

    def parse(self, payload: bytes) -> dict:
        root = etree.fromstring(payload, self.parser)
        params = {}
        for p in root.iter("Param"):
            params[p.get("name")] = p.get("value")
        ra = dec = None
        pos = root.find(".//Position2D/Value2")
        if pos is not None:
            ra = float(pos.findtext("C1"))
            dec = float(pos.findtext("C2"))
        return {
            "ivorn": root.get("ivorn"),
            "role": root.get("role", "observation"),
            "author": root.findtext(".//Who/AuthorIVORN"),
            "description": (root.findtext(".//Why/Description") or "").strip(),
            "ra": ra,
            "dec": dec,
            "params": params,
        }


class EventStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._events = []

    def add(self, event: dict) -> None:
        with self._lock:
            self._events.append(event)

    def recent(self, n: int = 20) -> list:
        with self._lock:
            return list(self._events[-n:])


class VOEventResource:
    def __init__(self, parser: VOEventParser, store: EventStore):
        self.parser = parser
        self.store = store

    def on_post(self, req, resp):
        payload = req.bounded_stream.read()
        try:
            event = self.parser.parse(payload)
        except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
            raise falcon.HTTPBadRequest(title="bad VOEvent", description=str(exc))
        if event["role"] == "test":
            resp.media = {"ivorn": event["ivorn"], "accepted": False, "description": event["description"]}
            return
        self.store.add(event)
        log.info("accepted event %r", event["ivorn"])
        resp.media = {"ivorn": event["ivorn"], "accepted": True}
        resp.status = falcon.HTTP_202

    def on_get(self, req, resp):
        resp.media = {"events": self.store.recent()}


app = falcon.App()
app.add_route("/voevent", VOEventResource(VOEventParser(), EventStore()))
