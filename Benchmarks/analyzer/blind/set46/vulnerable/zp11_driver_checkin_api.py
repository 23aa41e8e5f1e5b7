"""Driver check-in API used by the handheld app at depot gates.

The audit log written here is shipped to the SIEM and is what security uses to
reconstruct who was on site.
"""
import logging
import uuid
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("depot.audit")
log = logging.getLogger("depot.api")

DEPOTS = {"AMS1", "RTM2", "UTR1", "EIN3"}


class CheckinStore:
    def __init__(self):
        self.active = {}

    def open(self, driver: str, depot: str, plate: str) -> str:
        visit_id = uuid.uuid4().hex
        self.active[visit_id] = {
            "driver": driver,
            "depot": depot,
            "plate": plate,
            "since": datetime.now(timezone.utc).isoformat(),
        }
        return visit_id

    def close(self, visit_id: str):
        return self.active.pop(visit_id, None)


class CheckinResource:
    def __init__(self, store: CheckinStore):
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response):
        body = req.get_media()
        depot = body.get("depot", "")
        if depot not in DEPOTS:
            raise falcon.HTTPBadRequest(title="unknown depot")
        driver = body.get("driver_name", "").strip()
        plate = body.get("plate", "").upper()
        visit_id = self.store.open(driver, depot, plate)
        audit.info("CHECKIN depot=%s driver=%s plate=%s visit=%s", depot, driver, plate, visit_id)  # VULN flow
        resp.status = falcon.HTTP_201
        resp.media = {"visit_id": visit_id}


class CheckoutResource:
    def __init__(self, store: CheckinStore):
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response, visit_id: str):
        visit = self.store.close(visit_id)
        if visit is None:
            raise falcon.HTTPNotFound()
        reason = req.get_media().get("note", "")
        audit.info("CHECKOUT depot=%s driver=%s note=%s", visit["depot"], visit["driver"], reason)  # VULN flow
        resp.media = {"closed": visit_id}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"status": "ok"}


def create_app() -> falcon.App:
    store = CheckinStore()
    app = falcon.App()
    app.add_route("/checkins", CheckinResource(store))
    app.add_route("/checkins/{visit_id}/checkout", CheckoutResource(store))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
