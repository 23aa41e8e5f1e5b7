"""Door controller event ingestion (Falcon).

Card readers POST each badge swipe here; results are written to the
audit log that security reviews during incident investigations.
"""
import logging
import time

import falcon

audit = logging.getLogger("access.audit")
log = logging.getLogger("access.api")

RESULTS = {"granted", "denied", "forced", "held_open"}


class EventStore:
    def __init__(self, max_events=10000):
        self.events = []
        self.max_events = max_events

    def add(self, event):
        self.events.append(event)
        if len(self.events) > self.max_events:
            self.events = self.events[-self.max_events:]

    def recent(self, door, limit=50):
        return [e for e in reversed(self.events) if e["door"] == door][:limit]


class AccessEventResource:
    def __init__(self, store: EventStore):
        self.store = store

    def on_post(self, req, resp):
        event = req.get_media() or {}
        record = {
            "door": str(event.get("door", "")),
            "badge": str(event.get("badge_id", "")),
            "holder": str(event.get("holder", "unknown")),
            "result": event.get("result", "denied"),
            "ts": event.get("ts") or time.time(),
        }
        if record["result"] not in RESULTS:
            raise falcon.HTTPBadRequest(title="unknown result")
        self.store.add(record)
        audit.info("door=%s badge=%s holder=%s result=%s",  # VULN flow
                   record["door"], record["badge"], record["holder"], record["result"])
        resp.status = falcon.HTTP_201
        resp.media = {"stored": True}

    def on_get(self, req, resp):
        door = req.get_param("door", required=True)
        limit = req.get_param_as_int("limit", default=50, min_value=1, max_value=500)
        resp.media = {"door": door, "events": self.store.recent(door, limit)}


def create_app():
    logging.basicConfig(
        filename="/var/log/access/audit.log",
        level=logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
    )
    app = falcon.App()
    app.add_route("/events", AccessEventResource(EventStore()))
    return app


app = create_app()
