"""Printable water-quality reports for river and borehole monitoring sites."""
import logging
import sqlite3
from datetime import date, timedelta

from flask import Flask, abort, render_template_string, request

app = Flask(__name__)
log = logging.getLogger("wq.reports")
DB_PATH = "/var/lib/envnet/water_quality.db"

REPORT_BODY = """
<p>Site {{ site }} &mdash; {{ start }} to {{ end }}</p>
<table>
  <tr><th>Sampled</th><th>pH</th><th>Nitrate mg/l</th><th>Turbidity NTU</th><th>E. coli /100ml</th></tr>
  {% for r in readings %}
  <tr><td>{{ r.sampled_at }}</td><td>{{ r.ph }}</td><td>{{ r.nitrate }}</td>
      <td>{{ r.turbidity }}</td><td>{{ r.ecoli }}</td></tr>
  {% endfor %}
</table>
"""


def load_readings(site: str, start: date, end: date) -> list:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT sampled_at, ph, nitrate, turbidity, ecoli FROM samples "
            "WHERE site = ? AND date(sampled_at) BETWEEN ? AND ? ORDER BY sampled_at",
            (site, start.isoformat(), end.isoformat()),
        ).fetchall()
    finally:
        conn.close()


def build_template() -> str:
    header = "<h1>{{ title }}</h1>"
    header += "{% if notes %}<div class='notes'>{{ notes }}</div>{% endif %}"
    return "<!doctype html><html><body>" + header + REPORT_BODY + "</body></html>"


@app.route("/reports/<site>", methods=["GET", "POST"])
def site_report(site):
    days = request.values.get("days", 30, type=int)
    if not 1 <= days <= 366:
        abort(400)
    end = date.today()
    start = end - timedelta(days=days)
    readings = load_readings(site, start, end)
    title = request.values.get("title", "Water quality report")
    notes = request.values.get("notes", "")
    template = build_template()
    log.info("report for %r, %d samples", site, len(readings))
    return render_template_string(template, site=site, start=start, end=end, readings=readings,
                                  title=title, notes=notes)
