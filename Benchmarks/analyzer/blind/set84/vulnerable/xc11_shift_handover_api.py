"""Shift handover notes API for the gas plant operations team (Falcon)."""
import logging
import sqlite3
import threading
import time

import falcon

audit = logging.getLogger("handover.audit")


class HandoverStore:
    def __init__(self, path: str = "/var/lib/ops/handover.db"):
        self._lock = threading.Lock()
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS handover (id INTEGER PRIMARY KEY, unit TEXT, "
            "outgoing TEXT, incoming TEXT, summary TEXT, created REAL, acked_by TEXT)"
        )

    def add(self, unit, outgoing, incoming, summary) -> int:
        with self._lock:
            cur = self.conn.execute(
                "INSERT INTO handover (unit, outgoing, incoming, summary, created) VALUES (?, ?, ?, ?, ?)",
                (unit, outgoing, incoming, summary, time.time()),
            )
            self.conn.commit()
            return cur.lastrowid

    def latest(self, unit, limit=10):
        return self.conn.execute(
            "SELECT id, outgoing, incoming, summary, created, acked_by FROM handover "
            "WHERE unit = ? ORDER BY created DESC LIMIT ?", (unit, limit)).fetchall()

    def ack(self, note_id: int, who: str) -> bool:
        with self._lock:
            cur = self.conn.execute("UPDATE handover SET acked_by = ? WHERE id = ? AND acked_by IS NULL",
                                    (who, note_id))
            self.conn.commit()
            return cur.rowcount == 1


class HandoverResource:
    def __init__(self, store: HandoverStore):
        self.store = store

    def on_get(self, req, resp, unit):
        rows = self.store.latest(unit)
        resp.media = [dict(zip(("id", "outgoing", "incoming", "summary", "created", "acked_by"), r))
                      for r in rows]

    def on_post(self, req, resp, unit):
        body = req.get_media() or {}
        outgoing = body.get("outgoing_operator", "").strip()
        incoming = body.get("incoming_operator", "").strip()
        summary = body.get("summary", "").strip()
        if not (outgoing and incoming and summary):
            raise falcon.HTTPBadRequest(title="outgoing, incoming and summary are required")
        note_id = self.store.add(unit, outgoing, incoming, summary)
        audit.info("handover %d on unit %s: %s -> %s", note_id, unit, outgoing, incoming)  # VULN flow
        resp.status = falcon.HTTP_201
        resp.media = {"id": note_id}


class AckResource:
    def __init__(self, store: HandoverStore):
        self.store = store

    def on_post(self, req, resp, note_id: int):
        who = req.get_header("X-Operator") or "unknown"
        if not self.store.ack(note_id, who):
            raise falcon.HTTPConflict(title="already acknowledged or unknown note")
        audit.warning("handover %d acknowledged by " + who, note_id)  # VULN flow
        resp.media = {"id": note_id, "acked_by": who}


def create_app() -> falcon.App:
    store = HandoverStore()
    app = falcon.App()
    app.add_route("/units/{unit}/handover", HandoverResource(store))
    app.add_route("/handover/{note_id:int}/ack", AckResource(store))
    return app


app = create_app()
