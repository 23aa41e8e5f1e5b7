"""Nightly observing report pages for the observatory intranet."""
import sqlite3

from flask import Flask, abort, render_template_string, request

app = Flask(__name__)
DB = "/var/lib/obslog/exposures.db"

REPORT_BODY = """
<p>Observer on duty: {{ observer }}</p>
<table class="exposures">
<tr><th>UTC</th><th>Target</th><th>Filter</th><th>Exp (s)</th><th>Seeing</th></tr>
{% for e in exposures %}
<tr><td>{{ e.utc }}</td><td>{{ e.target }}</td><td>{{ e.filter }}</td>
    <td>{{ '%.1f'|format(e.exptime) }}</td><td>{{ e.seeing }}</td></tr>
{% endfor %}
</table>
"""


def load_night(night: str, telescope: str):
    con = sqlite3.connect(DB)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute(
            "SELECT utc, target, filter, exptime, seeing FROM exposures "
            "WHERE night = ? AND telescope = ? ORDER BY utc",
            (night, telescope),
        ).fetchall()
        duty = con.execute(
            "SELECT observer FROM duty WHERE night = ? AND telescope = ?", (night, telescope)
        ).fetchone()
    finally:
        con.close()
    return [dict(r) for r in rows], (duty["observer"] if duty else "unknown")


def report_title(night: str, telescope: str, custom=None) -> str:
    if custom:
        return custom
    return f"{telescope} night report {night}"


@app.route("/reports/<night>")
def night_report(night):
    telescope = request.args.get("telescope", "T120")
    title = report_title(night, telescope, request.args.get("title"))
    exposures, observer = load_night(night, telescope)
    if not exposures:
        abort(404)
    template = "<h1>" + title + "</h1>" + REPORT_BODY
    return render_template_string(template, exposures=exposures, observer=observer)  # VULN flow


@app.route("/reports/<night>/summary")
def night_summary(night):
    telescope = request.args.get("telescope", "T120")
    exposures, observer = load_night(night, telescope)
    total = sum(e["exptime"] for e in exposures)
    return {"night": night, "telescope": telescope, "observer": observer,
            "exposures": len(exposures), "open_shutter_s": total}
