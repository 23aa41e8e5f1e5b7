"""HTML fragment for the gate information displays (GIDS).

Each gate screen polls /board/<gate> every 20 seconds; agents can push a
temporary banner through the ``banner`` query parameter from the gate PC.
"""
import os
import sqlite3

from flask import Flask, Response, request

app = Flask(__name__)

FIDS_DB = os.environ.get("FIDS_DB", "/srv/fids/fids.db")

PAGE = """<!doctype html>
<html><head><meta http-equiv="refresh" content="20"><link rel="stylesheet" href="/static/gids.css"></head>
<body>
<header><h1>Gate {gate}</h1><div class="banner">{banner}</div></header>
<table class="departures">
<tr><th>Flight</th><th>To</th><th>STD</th><th>Status</th><th>Remarks</th></tr>
{rows}
</table>
</body></html>
"""

ROW = ("<tr class='{cls}'><td>{flight}</td><td>{dest}</td><td>{std}</td>"
       "<td>{status}</td><td>{remark}</td></tr>")

STATUS_CLASS = {"BOARDING": "boarding", "FINAL CALL": "final", "CLOSED": "closed",
                "DELAYED": "delayed", "CANCELLED": "cancelled"}


def load_departures(gate):
    with sqlite3.connect(FIDS_DB) as conn:
        conn.row_factory = sqlite3.Row
        cur = conn.execute(
            "SELECT flight_no, destination, std, status, remark FROM departures "
            "WHERE gate = ? AND std >= datetime('now', '-1 hour') ORDER BY std LIMIT 6",
            (gate,),
        )
        return [dict(r) for r in cur.fetchall()]


def render_rows(rows):
    out = []
    for r in rows:
        out.append(ROW.format(
            cls=STATUS_CLASS.get(r["status"], "scheduled"),
            flight=r["flight_no"],
            dest=r["destination"],
            std=r["std"][11:16],
            status=r["status"],
            remark=r["remark"] or "",
        ))
    return "\n".join(out)


@app.route("/board/<gate>")
def board(gate):
    banner = request.args.get("banner", "")
    rows = load_departures(gate)
    html = PAGE.format(gate=gate, banner=banner, rows=render_rows(rows))
    return Response(html, mimetype="text/html")  # VULN flow


@app.route("/board/<gate>/count")
def board_count(gate):
    return {"gate": gate, "departures": len(load_departures(gate))}
