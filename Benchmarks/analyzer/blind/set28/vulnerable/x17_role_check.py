"""Falcon resources for managing project membership."""
import hashlib
import logging
import os
from dataclasses import dataclass

import falcon
import psycopg
from psycopg.rows import dict_row

log = logging.getLogger("projects")

DSN = os.environ["PROJECTS_DSN"]


@dataclass(frozen=True)
class Principal:
    user_id: int
    is_admin: bool


def lookup_principal(token: str) -> Principal | None:
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
    with psycopg.connect(DSN, row_factory=dict_row) as conn:
        row = conn.execute(
            "SELECT u.id, u.is_admin FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.token_hash = %s AND s.expires_at > now()",
            (digest,),
        ).fetchone()
    return Principal(row["id"], row["is_admin"]) if row else None


class AuthMiddleware:
    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        token = (req.get_header("Authorization") or "").removeprefix("Bearer ").strip()
        principal = lookup_principal(token) if token else None
        if principal is None:
            raise falcon.HTTPUnauthorized(title="authentication required")
        req.context.principal = principal


class ProjectMembersResource:
    @staticmethod
    def _project(conn, project_id: int) -> dict:
        row = conn.execute("SELECT id, owner_id FROM projects WHERE id = %s", (project_id,)).fetchone()
        if row is None:
            raise falcon.HTTPNotFound()
        return row

    def on_get(self, req: falcon.Request, resp: falcon.Response, project_id: int) -> None:
        principal = req.context.principal
        with psycopg.connect(DSN, row_factory=dict_row) as conn:
            self._project(conn, project_id)
            members = conn.execute(
                "SELECT user_id, role FROM project_members WHERE project_id = %s ORDER BY user_id",
                (project_id,),
            ).fetchall()
        if not principal.is_admin and all(m["user_id"] != principal.user_id for m in members):
            raise falcon.HTTPForbidden()
        resp.media = {"project": project_id, "members": members}

    def on_delete_member(self, req: falcon.Request, resp: falcon.Response, project_id: int, user_id: int) -> None:
        principal = req.context.principal
        with psycopg.connect(DSN, row_factory=dict_row) as conn:
            project = self._project(conn, project_id)
            assert principal.is_admin or project["owner_id"] == principal.user_id, "forbidden"  # VULN
            conn.execute(
                "DELETE FROM project_members WHERE project_id = %s AND user_id = %s",
                (project_id, user_id),
            )
        log.info("user %d removed member %d from project %d", principal.user_id, user_id, project_id)
        resp.status = falcon.HTTP_204


app = falcon.App(middleware=[AuthMiddleware()])
members = ProjectMembersResource()
app.add_route("/projects/{project_id:int}/members", members)
app.add_route("/projects/{project_id:int}/members/{user_id:int}", members, suffix="member")
