import logging
from datetime import datetime, timezone

import falcon

from aviation.auth import AuthMiddleware
from aviation.crew import DutyLogRepository

audit = logging.getLogger("aviation.audit")


class DutyTimeResource:
    MAX_DUTY_HOURS = 14.0

    def __init__(self, repo: DutyLogRepository):
        self.repo = repo

    def on_get(self, req, resp, pilot_id):
        if not req.context.user.can_view_crew(pilot_id):
            raise falcon.HTTPForbidden()
        entries = self.repo.entries_for(pilot_id, limit=req.get_param_as_int("limit", default=50, max_value=500))
        resp.media = {"pilot_id": pilot_id, "entries": [e.as_dict() for e in entries]}

    def on_post(self, req, resp, pilot_id):
        if not req.context.user.can_edit_crew(pilot_id):
            raise falcon.HTTPForbidden()
        body = req.get_media()
        try:
            hours = float(body["hours"])
        except (KeyError, TypeError, ValueError):
            raise falcon.HTTPBadRequest(title="hours must be a number")
        if not 0 < hours <= self.MAX_DUTY_HOURS:
            raise falcon.HTTPBadRequest(title="hours out of range")
        remark = str(body.get("remark", ""))[:500]
        aircraft = str(body.get("aircraft", ""))
        entry = self.repo.add(
            pilot_id, hours=hours, aircraft=aircraft, remark=remark, recorded_at=datetime.now(timezone.utc)
        )
        self._audit(req.context.user, pilot_id, aircraft, remark)
        resp.status = falcon.HTTP_201
        resp.media = entry.as_dict()

    @staticmethod
    def _audit(user, pilot_id, aircraft, remark):
        audit.info("duty entry by=%r pilot=%r aircraft=%r remark=%r", user.username, pilot_id, aircraft, remark)


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"status": "ok"}


def create_app(repo: DutyLogRepository) -> falcon.App:
    app = falcon.App(middleware=[AuthMiddleware(exempt_routes={"/health"})])
    app.add_route("/health", HealthResource())
    app.add_route("/pilots/{pilot_id:int}/duty", DutyTimeResource(repo))
    return app
