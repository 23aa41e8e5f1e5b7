"""Falcon API used by the participant portal to record consent withdrawals."""
import logging
import re
import threading
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("consent.audit")

VALID_SCOPES = {"all", "future_contact", "sample_use", "data_sharing"}
PARTICIPANT_RE = re.compile(r"^P\d{6}$")


class ConsentStore:
    def __init__(self):
        self._records = {}
        self._lock = threading.Lock()

    def withdraw(self, participant_id, scope, reason, actor):
        record = {
            "participant_id": participant_id,
            "scope": scope,
            "reason": reason,
            "recorded_by": actor,
            "recorded_at": datetime.now(timezone.utc).isoformat(),
        }
        with self._lock:
            self._records.setdefault(participant_id, []).append(record)
        return record

    def history(self, participant_id):
        with self._lock:
            return list(self._records.get(participant_id, []))


class ConsentWithdrawalResource:
    def __init__(self, store: ConsentStore):
        self.store = store

    def on_post(self, req, resp, participant_id):
        if not PARTICIPANT_RE.match(participant_id):
            raise falcon.HTTPNotFound()
        body = req.get_media() or {}
        scope = body.get("scope", "all")
        if scope not in VALID_SCOPES:
            raise falcon.HTTPBadRequest(title="invalid scope")
        reason = str(body.get("reason", "")).strip()
        actor = str(body.get("submitted_by", "participant"))
        record = self.store.withdraw(participant_id, scope, reason, actor)
        audit.info("consent withdrawn participant=%s scope=%s actor=%r reason=%r", participant_id, scope, actor, reason)
        resp.media = record
        resp.status = falcon.HTTP_201

    def on_get(self, req, resp, participant_id):
        if not PARTICIPANT_RE.match(participant_id):
            raise falcon.HTTPNotFound()
        audit.info("consent history viewed participant=%s channel=%r", participant_id, req.get_param("channel"))
        resp.media = {"participant_id": participant_id, "history": self.store.history(participant_id)}


def create_app():
    logging.basicConfig(
        filename="/var/log/consent/audit.log",
        format="%(asctime)s %(levelname)s %(message)s",
        level=logging.INFO,
    )
    app = falcon.App()
    app.add_route("/participants/{participant_id}/consent/withdrawals", ConsentWithdrawalResource(ConsentStore()))
    return app


app = create_app()
