"""Receives events from the door controllers on the building network and
writes them to the access log the security team tails (and ships to the
SIEM as plain lines)."""
import logging
from collections import deque
from datetime import datetime, timezone

import falcon

log = logging.getLogger("door.events")
audit = logging.getLogger("door.audit")

KNOWN_RESULTS = {"granted", "denied", "forced", "held-open"}


class EventStore:
    def __init__(self, size: int = 500):
        self._events = deque(maxlen=size)

    def append(self, event: dict) -> None:
        self._events.append(event)

    def recent(self, door=None, limit: int = 50) -> list:
        items = [e for e in reversed(self._events) if door is None or e["door"] == door]
        return items[:limit]


class DoorEventResource:
    def __init__(self, store: EventStore):
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        event = req.get_media() or {}
        door = str(event.get("door", "")).strip()
        badge = str(event.get("badge_id", "")).strip()
        result = event.get("result", "denied")
        if result not in KNOWN_RESULTS:
            raise falcon.HTTPBadRequest(description="unknown result")

        ts = datetime.now(timezone.utc).isoformat()
        self.store.append({"door": door, "badge": badge, "result": result, "ts": ts})
        if result == "granted":
            log.info("access granted door=%r badge=%r", door, badge)
        else:
            reason = event.get("reason", "n/a")
            audit.warning("ALERT %s door=%r badge=%r reason=%r", result.upper(), door, badge, reason)
        resp.status = falcon.HTTP_202
        resp.media = {"ok": True, "ts": ts}

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        door = req.get_param("door")
        limit = req.get_param_as_int("limit", default=50, min_value=1, max_value=500)
        resp.media = {"events": self.store.recent(door, limit)}


def create_app() -> falcon.App:
    logging.basicConfig(
        filename="/var/log/wm/door-access.log",
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        level=logging.INFO,
    )
    app = falcon.App()
    app.add_route("/doors/events", DoorEventResource(EventStore()))
    return app


app = create_app()
