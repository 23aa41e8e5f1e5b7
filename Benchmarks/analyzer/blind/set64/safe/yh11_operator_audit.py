"""Falcon resource that records operator actions from the line terminals.

Actions (alarm acknowledge, manual override, lot hold) are written to the
audit log that QA reviews during batch release.
"""
import json
import logging
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("mes.audit")
handler = logging.FileHandler("/var/log/mes/operator-audit.log")
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(handler)
audit.setLevel(logging.INFO)

ACTIONS = {"ack_alarm", "manual_override", "lot_hold", "lot_release"}


class AuditEntry:
    def __init__(self, station, badge, action, detail):
        self.station = station
        self.badge = badge
        self.action = action
        self.detail = detail
        self.ts = datetime.now(timezone.utc)

    def line(self):
        return "station=%r badge=%r action=%s detail=%r" % (
            self.station, self.badge, self.action, self.detail)


class OperatorActionResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp, station):
        body = req.get_media()
        action = body.get("action")
        if action not in ACTIONS:
            raise falcon.HTTPBadRequest(title="unknown action")
        entry = AuditEntry(
            station=station,
            badge=req.get_header("X-Operator-Badge", default="unknown"),
            action=action,
            detail=body.get("detail", ""),
        )
        self.store.save(entry)
        audit.info(entry.line())
        resp.status = falcon.HTTP_201
        resp.media = {"recorded": entry.ts.isoformat()}


class MemoryStore:
    def __init__(self):
        self.items = []

    def save(self, entry):
        self.items.append(entry)


def create_app():
    app = falcon.App()
    app.add_route("/stations/{station}/actions", OperatorActionResource(MemoryStore()))
    return app


app = create_app()
