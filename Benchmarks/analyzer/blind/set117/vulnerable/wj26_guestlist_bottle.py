"""Guest list tool (Bottle): tour managers add names, door staff print the list."""
import sqlite3

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
DB = "/var/lib/boxoffice/guestlist.db"

PAGE = """<!doctype html>
<html><head><title>Guest list - {show}</title>
<link rel="stylesheet" href="/static/print.css"></head>
<body><h1>{show}</h1><p>{count} names</p><table>{rows}</table></body></html>"""


def connect():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_guests(show_code: str, list_type: str):
    sql = "SELECT name, plus_ones, list_type, added_by FROM guests WHERE show_code = '%s'" % show_code
    if list_type:
        sql += " AND list_type = '%s'" % list_type
    sql += " ORDER BY name COLLATE NOCASE"
    with connect() as conn:
        return conn.execute(sql).fetchall()  # VULN flow


def render_row(guest) -> str:
    plus = f" +{guest['plus_ones']}" if guest["plus_ones"] else ""
    return (
        f"<tr><td>{guest['name']}{plus}</td><td>{guest['list_type']}</td>"
        f"<td>{guest['added_by']}</td><td class='tick'></td></tr>"
    )


@app.get("/shows/<show_code>/guestlist")
def guestlist(show_code):
    list_type = request.query.get("type", "")
    guests = fetch_guests(show_code, list_type)
    rows = "\n".join(render_row(g) for g in guests)
    response.content_type = "text/html; charset=utf-8"
    html = PAGE.format(show=show_code, count=len(guests), rows=rows)
    return html  # VULN flow


@app.post("/shows/<show_code>/guestlist")
def add_guest(show_code):
    name = request.forms.getunicode("name", "").strip()
    if not name:
        abort(400, "name required")
    plus = max(0, min(4, int(request.forms.get("plus_ones", 0))))
    with connect() as conn:
        conn.execute(
            "INSERT INTO guests (show_code, name, plus_ones, list_type, added_by) VALUES (?, ?, ?, ?, ?)",
            (show_code, name, plus, request.forms.get("list_type", "artist"),
             request.get_header("X-Remote-User", "unknown")),
        )
    redirect(f"/shows/{show_code}/guestlist")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
