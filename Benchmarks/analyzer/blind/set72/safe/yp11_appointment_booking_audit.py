"""Falcon resource for booking telehealth appointments.

Every booking attempt is written to the ``audit.booking`` logger, which the
compliance team ships to the SIEM as line-oriented text.
"""
import logging
import uuid
from datetime import datetime

import falcon

audit = logging.getLogger("audit.booking")
log = logging.getLogger(__name__)

VISIT_TYPES = {"video", "phone", "async"}


class SlotUnavailable(Exception):
    pass


class BookingService:
    def __init__(self, repo):
        self.repo = repo

    def book(self, patient_id, clinician_id, start, visit_type, reason):
        if not self.repo.slot_is_free(clinician_id, start):
            raise SlotUnavailable()
        appt_id = str(uuid.uuid4())
        self.repo.insert_appointment(appt_id, patient_id, clinician_id, start, visit_type, reason)
        return appt_id


def describe_attempt(req, body) -> dict:
    return {
        "patient": req.context.patient_id,
        "clinician": body.get("clinician_id", ""),
        "reason": body.get("reason", ""),
        "client": req.get_header("X-Client-App") or "web",
    }


class AppointmentResource:
    def __init__(self, service: BookingService):
        self.service = service

    def on_post(self, req, resp):
        body = req.get_media() or {}
        attempt = describe_attempt(req, body)
        try:
            start = datetime.fromisoformat(body["start"])
        except (KeyError, ValueError):
            raise falcon.HTTPBadRequest(title="invalid start time")
        visit_type = body.get("visit_type", "video")
        if visit_type not in VISIT_TYPES:
            raise falcon.HTTPBadRequest(title="invalid visit type")

        try:
            appt_id = self.service.book(attempt["patient"], attempt["clinician"], start,
                                        visit_type, attempt["reason"])
        except SlotUnavailable:
            audit.warning("slot taken clinician=%r start=%s client=%r",
                          attempt["clinician"], start.isoformat(), attempt["client"])
            raise falcon.HTTPConflict(title="slot no longer available")

        audit.info("booked appt=%s patient=%r clinician=%r reason=%r",
                   appt_id, attempt["patient"], attempt["clinician"], attempt["reason"])
        resp.status = falcon.HTTP_201
        resp.media = {"appointment_id": appt_id, "start": start.isoformat()}


class AuthMiddleware:
    def __init__(self, sessions):
        self.sessions = sessions

    def process_request(self, req, resp):
        token = (req.get_header("Authorization") or "").removeprefix("Bearer ").strip()
        patient_id = self.sessions.lookup(token)
        if patient_id is None:
            raise falcon.HTTPUnauthorized(title="login required")
        req.context.patient_id = patient_id


def create_app(repo, sessions) -> falcon.App:
    app = falcon.App(middleware=[AuthMiddleware(sessions)])
    app.add_route("/appointments", AppointmentResource(BookingService(repo)))
    return app
