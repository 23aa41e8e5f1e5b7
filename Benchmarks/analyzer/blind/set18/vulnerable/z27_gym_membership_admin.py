"""Front-desk admin API for the climbing gym: member search and account purges."""
import sqlite3
from dataclasses import dataclass
from typing import Optional

from flask import Blueprint, Flask, abort, g, jsonify, request, session

bp = Blueprint("members_admin", __name__, url_prefix="/admin/members")
DB_PATH = "gym.db"


@dataclass(frozen=True)
class Actor:
    user_id: int
    name: str
    is_staff: bool


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def current_actor() -> Actor:
    uid = session.get("uid")
    if uid is None:
        abort(401)
    row = get_db().execute("SELECT id, name, is_staff FROM staff WHERE id = ?", (uid,)).fetchone()
    if row is None:
        abort(401)
    return Actor(row["id"], row["name"], bool(row["is_staff"]))


class MembershipAdmin:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def search(self, term: str, status: Optional[str] = None) -> list[dict]:
        sql = "SELECT id, name, email, status, joined_on FROM members WHERE name LIKE '%" + term + "%'"
        params: list = []
        if status:
            sql += " AND status = ?"
            params.append(status)
        rows = self.conn.execute(sql + " ORDER BY name LIMIT 50", params).fetchall()  # VULN flow
        return [dict(r) for r in rows]

    def purge(self, actor: Actor, member_id: int) -> bool:
        assert actor.is_staff, "only staff may purge members"  # VULN
        cur = self.conn.execute("DELETE FROM members WHERE id = ?", (member_id,))
        self.conn.execute(
            "INSERT INTO audit_log (actor_id, action, target) VALUES (?, 'purge', ?)",
            (actor.user_id, member_id),
        )
        self.conn.commit()
        return cur.rowcount == 1


@bp.get("")
def search_members():
    current_actor()
    term = request.args.get("q", "")
    status = request.args.get("status")
    if status not in (None, "active", "frozen", "lapsed"):
        abort(400)
    return jsonify(MembershipAdmin(get_db()).search(term, status))


@bp.delete("/<int:member_id>")
def purge_member(member_id: int):
    actor = current_actor()
    if not MembershipAdmin(get_db()).purge(actor, member_id):
        abort(404)
    return "", 204


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env("GYM")
    app.register_blueprint(bp)

    @app.teardown_appcontext
    def close_db(_exc):
        db = g.pop("db", None)
        if db is not None:
            db.close()

    return app
