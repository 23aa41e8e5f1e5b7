"""Back-office user search used by the support and billing teams."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/backoffice/users.db"
log = logging.getLogger("backoffice.users")

MAX_LIMIT = 200


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class UserQuery:
    """Translates the admin grid's query string into SQL."""

    def __init__(self, args):
        self.term = args.get("q", "").strip()
        self.plan = args.get("plan")
        self.sort = args.get("sort", "created_at")
        self.direction = "DESC" if args.get("desc") == "1" else "ASC"
        try:
            self.limit = min(int(args.get("limit", 50)), MAX_LIMIT)
        except ValueError:
            self.limit = 50

    def build(self):
        clauses = []
        if self.term:
            clauses.append(
                f"(email LIKE '%{self.term}%' OR full_name LIKE '%{self.term}%')"
            )
        if self.plan:
            clauses.append("plan = '%s'" % self.plan)
        where = " AND ".join(clauses) or "1=1"
        return (
            "SELECT id, email, full_name, plan, created_at, last_login FROM users "
            f"WHERE {where} ORDER BY {self.sort} {self.direction} LIMIT {self.limit}"
        )


@app.route("/admin/users")
def search_users():
    uq = UserQuery(request.args)
    sql = uq.build()
    log.debug("user search sql built (limit=%d)", uq.limit)
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/admin/users/<int:user_id>")
def user_detail(user_id: int):
    row = get_db().execute(
        "SELECT id, email, full_name, plan, created_at, last_login FROM users WHERE id = ?",
        (user_id,),
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/admin/users/<int:user_id>/notes", methods=["POST"])
def add_note(user_id: int):
    body = (request.get_json(silent=True) or {}).get("note", "")
    if not body:
        abort(400)
    db = get_db()
    db.execute(
        "INSERT INTO user_notes (user_id, note) VALUES (?, ?)", (user_id, body)
    )
    db.commit()
    return jsonify({"ok": True}), 201


if __name__ == "__main__":
    app.run()
