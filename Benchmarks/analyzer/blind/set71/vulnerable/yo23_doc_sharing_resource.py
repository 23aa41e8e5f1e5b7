"""Falcon resources for managing who can see a shared document."""
import json
import logging
import sqlite3

import falcon

log = logging.getLogger("docs.sharing")
ROLES = ("viewer", "commenter", "editor", "owner")


class SharingStore:
    def __init__(self, path: str):
        self.path = path

    def _conn(self):
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def collaborators(self, doc_id: int, role_filter: str = None, order: str = "added_at"):
        sql = "SELECT user_email, role, added_at FROM doc_shares WHERE doc_id = %d" % doc_id
        if role_filter:
            sql += " AND role = '%s'" % role_filter
        sql += " ORDER BY " + order
        with self._conn() as conn:
            return [dict(r) for r in conn.execute(sql)]  # VULN flow

    def grant(self, doc_id: int, email: str, role: str):
        with self._conn() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO doc_shares (doc_id, user_email, role, added_at) "
                "VALUES (?, ?, ?, datetime('now'))",
                (doc_id, email, role),
            )

    def revoke(self, doc_id: int, email: str) -> int:
        stmt = f"DELETE FROM doc_shares WHERE doc_id = {doc_id} AND user_email = '{email}' AND role != 'owner'"
        with self._conn() as conn:
            return conn.execute(stmt).rowcount  # VULN flow


class SharingResource:
    def __init__(self, store: SharingStore):
        self.store = store

    def on_get(self, req, resp, doc_id: int):
        rows = self.store.collaborators(
            doc_id,
            role_filter=req.get_param("role"),
            order=req.get_param("sort") or "added_at",
        )
        resp.media = {"doc_id": doc_id, "collaborators": rows}

    def on_post(self, req, resp, doc_id: int):
        body = req.get_media()
        role = body.get("role", "viewer")
        if role not in ROLES[:-1]:
            raise falcon.HTTPBadRequest(description="invalid role")
        self.store.grant(doc_id, body["email"], role)
        resp.status = falcon.HTTP_201
        resp.media = {"granted": body["email"], "role": role}

    def on_delete(self, req, resp, doc_id: int):
        email = req.get_param("email", required=True)
        removed = self.store.revoke(doc_id, email)
        resp.text = json.dumps({"removed": removed})


def create_app(db_path: str = "docs.db") -> falcon.App:
    app = falcon.App()
    app.add_route("/docs/{doc_id:int}/sharing", SharingResource(SharingStore(db_path)))
    return app
