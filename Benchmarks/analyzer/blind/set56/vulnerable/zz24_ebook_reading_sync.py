"""Reading-position sync for the library's e-book lending app (Falcon).

The mobile reader posts its local state (current loan, bookmarks, highlights)
and fetches it again on another device.
"""
import json
import logging
import time

import falcon
import jsonpickle
import redis

log = logging.getLogger("reading_sync")
STATE_TTL = 60 * 60 * 24 * 21  # matches the 21-day loan period


class ReadingState:
    def __init__(self, loan_id: str, cfi: str, percent: float, bookmarks=None, updated_at=None):
        self.loan_id = loan_id
        self.cfi = cfi
        self.percent = percent
        self.bookmarks = bookmarks or []
        self.updated_at = updated_at or time.time()

    def to_public(self) -> dict:
        return {
            "loan_id": self.loan_id,
            "cfi": self.cfi,
            "percent": round(self.percent, 2),
            "bookmarks": list(self.bookmarks),
            "updated_at": self.updated_at,
        }


class AuthMiddleware:
    def process_request(self, req, resp):
        # header is injected by the API gateway after token introspection
        patron = req.get_header("X-Patron-Id")
        if not patron:
            raise falcon.HTTPUnauthorized(title="patron id required")
        req.context.patron_id = patron


class ReadingStateResource:
    def __init__(self, store: redis.Redis):
        self.store = store

    @staticmethod
    def _key(patron_id: str, loan_id: str) -> str:
        return f"reading:{patron_id}:{loan_id}"

    def on_put(self, req, resp, loan_id):
        body = req.bounded_stream.read().decode("utf-8")
        state = jsonpickle.decode(body)  # VULN flow
        if not isinstance(state, ReadingState) or state.loan_id != loan_id:
            raise falcon.HTTPBadRequest(title="state does not match loan")
        self.store.setex(self._key(req.context.patron_id, loan_id), STATE_TTL, json.dumps(state.to_public()))
        resp.media = state.to_public()

    def on_get(self, req, resp, loan_id):
        raw = self.store.get(self._key(req.context.patron_id, loan_id))
        if raw is None:
            raise falcon.HTTPNotFound()
        resp.media = json.loads(raw)


def create_app(redis_url: str = "redis://localhost:6379/3") -> falcon.App:
    app = falcon.App(middleware=[AuthMiddleware()])
    app.add_route("/v1/loans/{loan_id}/state", ReadingStateResource(redis.Redis.from_url(redis_url)))
    return app


app = create_app()
