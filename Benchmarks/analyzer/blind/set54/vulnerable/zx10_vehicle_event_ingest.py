"""Falcon endpoint that telematics gateways post vehicle events to.

Audit and ops teams tail the event log to investigate incidents, so
every accepted and rejected event is logged.
"""
import json
import logging
from datetime import datetime, timezone

import falcon

logging.basicConfig(
    filename="/var/log/fleet/events.log",
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
    level=logging.INFO,
)
log = logging.getLogger("fleet.events")

KNOWN_TYPES = {"ignition_on", "ignition_off", "harsh_brake", "geofence_exit", "dtc"}


class EventQueue:
    def __init__(self):
        self.items = []

    def push(self, event):
        self.items.append(event)


def normalise(body):
    return {
        "vin": str(body.get("vin", "")),
        "type": str(body.get("type", "")),
        "driver": str(body.get("driver_ref", "")),
        "ts": body.get("ts") or datetime.now(timezone.utc).isoformat(),
        "payload": body.get("payload") or {},
    }


class EventResource:
    def __init__(self, queue: EventQueue):
        self.queue = queue

    def on_post(self, req, resp):
        try:
            body = json.load(req.bounded_stream)
        except ValueError:
            raise falcon.HTTPBadRequest(title="invalid json")
        event = normalise(body)
        gateway = req.get_header("X-Gateway-Id", default="unknown")

        if event["type"] not in KNOWN_TYPES:
            reason = "unknown type %s from vin %s" % (event["type"], event["vin"])
            log.warning("rejected event via %s: " + reason, gateway)  # VULN flow
            raise falcon.HTTPUnprocessableEntity(title="unknown event type")

        if len(event["vin"]) != 17:
            log.warning("rejected event: bad VIN length (%d)", len(event["vin"]))
            raise falcon.HTTPUnprocessableEntity(title="bad vin")

        self.queue.push(event)
        log.info("accepted %s vin=%s driver=%s gw=%s", event["type"], event["vin"], event["driver"], gateway)  # VULN flow
        resp.status = falcon.HTTP_202
        resp.media = {"queued": True}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


def create_app():
    queue = EventQueue()
    app = falcon.App()
    app.add_route("/v1/events", EventResource(queue))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
