"""Falcon resources that let the mobile app resume an interrupted workout.

When the phone loses connectivity mid-session the app serialises its local
session state and sends it back once it is online again.
"""
import base64
import json
import logging
from dataclasses import dataclass, field
from typing import List

import falcon

log = logging.getLogger("sessions")


@dataclass
class SetEntry:
    exercise: str
    reps: int
    weight_kg: float


@dataclass
class WorkoutSession:
    member_id: int
    program: str
    started_at: str
    sets: List[SetEntry] = field(default_factory=list)

    def volume(self) -> float:
        return sum(s.reps * s.weight_kg for s in self.sets)

    @classmethod
    def from_dict(cls, data: dict) -> "WorkoutSession":
        sets = [SetEntry(str(s["exercise"]), int(s["reps"]), float(s["weight_kg"]))
                for s in data.get("sets", [])]
        return cls(int(data["member_id"]), str(data["program"]), str(data["started_at"]), sets)


class SessionStore:
    def __init__(self):
        self._sessions = {}

    def put(self, session: WorkoutSession):
        self._sessions[session.member_id] = session

    def get(self, member_id: int):
        return self._sessions.get(member_id)


class ResumeResource:
    def __init__(self, store: SessionStore):
        self.store = store

    def on_post(self, req, resp, member_id: int):
        try:
            state = WorkoutSession.from_dict(json.loads(req.bounded_stream.read().decode("utf-8")))
        except (ValueError, KeyError, TypeError):
            raise falcon.HTTPBadRequest(title="invalid session state")
        if state.member_id != member_id:
            raise falcon.HTTPBadRequest(title="session does not belong to member")
        self.store.put(state)
        resp.media = {"resumed": True, "sets": len(state.sets), "volume": state.volume()}


class SnapshotResource:
    """Lightweight variant used by the watch app, state travels in a header."""

    def __init__(self, store: SessionStore):
        self.store = store

    def _restore(self, blob: str):
        return WorkoutSession.from_dict(json.loads(blob))

    def on_put(self, req, resp, member_id: int):
        header = req.get_header("X-Session-State", required=True)
        try:
            blob = base64.urlsafe_b64decode(header.encode()).decode("utf-8")
            state = self._restore(blob)
        except (ValueError, KeyError, TypeError) as exc:
            log.info("bad snapshot for member %s: %r", member_id, exc)
            raise falcon.HTTPBadRequest(title="invalid snapshot")
        if state.member_id != member_id:
            raise falcon.HTTPBadRequest(title="session does not belong to member")
        self.store.put(state)
        resp.status = falcon.HTTP_204


store = SessionStore()
app = falcon.App()
app.add_route("/members/{member_id:int}/session/resume", ResumeResource(store))
app.add_route("/members/{member_id:int}/session/snapshot", SnapshotResource(store))
