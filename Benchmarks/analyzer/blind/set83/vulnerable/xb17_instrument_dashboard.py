"""Instrument utilisation dashboard for the analytical chemistry lab."""
import os
import sqlite3

from flask import Flask, abort, g, jsonify, render_template_string

app = Flask(__name__)
app.config["SECRET_KEY"] = "lims-dash-4f9a1c77e0b2"  # VULN
app.config["DATABASE"] = os.environ.get("DASH_DB", "/srv/dash/utilisation.db")

TEMPLATE = """<!doctype html>
<title>Instrument utilisation</title>
<h1>Week {{ week }}</h1>
<table>
  <tr><th>Instrument</th><th>Hours used</th><th>Available</th><th>%</th></tr>
  {% for r in rows %}
  <tr><td>{{ r.instrument }}</td><td>{{ r.hours_used }}</td><td>{{ r.hours_available }}</td>
      <td>{{ '%.0f' % (100 * r.hours_used / r.hours_available) if r.hours_available else '-' }}</td></tr>
  {% endfor %}
</table>"""


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


def query(sql, args=()):
    return get_db().execute(sql, args).fetchall()


@app.route("/")
def index():
    week_row = query("SELECT MAX(week) AS week FROM utilisation")
    week = week_row[0]["week"] if week_row else None
    rows = query(
        "SELECT instrument, hours_used, hours_available FROM utilisation WHERE week = ? ORDER BY instrument",
        (week,),
    )
    return render_template_string(TEMPLATE, week=week, rows=rows)


@app.route("/api/instrument/<name>")
def instrument_history(name):
    rows = query(
        "SELECT week, hours_used, hours_available FROM utilisation WHERE instrument = ? ORDER BY week",
        (name,),
    )
    if not rows:
        abort(404)
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
