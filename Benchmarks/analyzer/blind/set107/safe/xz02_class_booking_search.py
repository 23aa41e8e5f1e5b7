"""Class booking search API for the studio front-desk and booking widget."""
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "studio_bookings.db"

BASE_QUERY = """
SELECT c.id, c.title, i.name AS instructor, c.starts_at, c.capacity, c.booked
FROM classes c JOIN instructors i ON i.id = c.instructor_id
WHERE {where}
ORDER BY c.starts_at
"""


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


class ClassFilter:
    """Collects the optional search filters sent by the booking widget."""

    def __init__(self, args):
        self.studio = args.get("studio", "main")
        self.instructor = args.get("instructor")
        self.level = args.get("level")
        self.only_open = args.get("open") == "1"

    def where_clause(self):
        parts = ["c.studio = ?"]
        params = [self.studio]
        if self.instructor:
            parts.append("i.name LIKE ?")
            params.append("%" + self.instructor + "%")
        if self.level:
            parts.append("c.level = ?")
            params.append(self.level)
        if self.only_open:
            parts.append("c.booked < c.capacity")
        return " AND ".join(parts), params


@app.route("/api/classes")
def search_classes():
    flt = ClassFilter(request.args)
    where, params = flt.where_clause()
    sql = BASE_QUERY.format(where=where)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/classes/<int:class_id>/book", methods=["POST"])
def book_class(class_id):
    payload = request.get_json(silent=True) or {}
    member_id = payload.get("member_id")
    if not member_id:
        abort(400)
    db = get_db()
    cur = db.execute(
        "UPDATE classes SET booked = booked + 1 WHERE id = ? AND booked < capacity",
        (class_id,),
    )
    if cur.rowcount == 0:
        return jsonify(error="class is full or does not exist"), 409
    db.execute(
        "INSERT INTO bookings (class_id, member_id) VALUES (?, ?)",
        (class_id, member_id),
    )
    db.commit()
    return jsonify(status="booked", class_id=class_id), 201


if __name__ == "__main__":
    app.run()
