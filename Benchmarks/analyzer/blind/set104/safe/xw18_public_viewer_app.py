"""Public collection viewer: object pages, deep-zoom viewer and favourites."""
import os
import sqlite3

from flask import Flask, abort, g, redirect, render_template, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["VIEWER_SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SAMESITE="Lax",
    SESSION_COOKIE_HTTPONLY=True,
    IIIF_BASE=os.environ.get("IIIF_BASE", "https://iiif.example-museum.org/iiif/2"),
)
DB_PATH = os.environ.get("VIEWER_DB", "/srv/viewer/collection.db")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.route("/")
def index():
    highlights = db().execute(
        "SELECT object_number, title, image_id FROM objects WHERE highlight = 1 ORDER BY random() LIMIT 12"
    ).fetchall()
    return render_template("index.html", highlights=highlights)


@app.route("/object/<object_number>")
def object_page(object_number):
    obj = db().execute("SELECT * FROM objects WHERE object_number = ?", (object_number,)).fetchone()
    if obj is None:
        abort(404)
    info_url = f"{app.config['IIIF_BASE']}/{obj['image_id']}/info.json"
    favourite = object_number in session.get("favourites", [])
    return render_template("object.html", obj=obj, info_url=info_url, favourite=favourite)


@app.post("/favourites/<object_number>")
def toggle_favourite(object_number):
    favourites = session.get("favourites", [])
    if object_number in favourites:
        favourites.remove(object_number)
    else:
        favourites = (favourites + [object_number])[-50:]
    session["favourites"] = favourites
    return redirect(url_for("object_page", object_number=object_number))


@app.route("/favourites")
def favourites():
    numbers = session.get("favourites", [])
    rows = []
    if numbers:
        marks = ",".join("?" * len(numbers))
        rows = db().execute(
            f"SELECT object_number, title, image_id FROM objects WHERE object_number IN ({marks})",
            numbers,
        ).fetchall()
    return render_template("favourites.html", objects=rows)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    app.run(host="127.0.0.1", port=port, debug=os.environ.get("VIEWER_DEBUG") == "1")
