"""Small Bottle dashboard for searching a farm's fields by name or crop."""
import sqlite3
from html import escape

from bottle import Bottle, request, response, run

app = Bottle()
DB_PATH = "/var/lib/farm/fields.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Field search</title></head>
<body>
<form method="get" action="/fields">
  <input name="q" value="{query}"><button>Search</button>
</form>
<p>{count} result(s) for <b>{query}</b></p>
<table>
<tr><th>Field</th><th>Crop</th><th>Area</th></tr>
{rows}
</table>
</body></html>"""

ROW = "<tr><td>{name}</td><td>{crop}</td><td>{area:.1f} ha</td></tr>"


def search_fields(term: str):
    conn = sqlite3.connect(DB_PATH)
    try:
        like = f"%{term}%"
        cur = conn.execute(
            "SELECT name, crop, area_ha FROM fields WHERE name LIKE ? OR crop LIKE ? ORDER BY name",
            (like, like),
        )
        return cur.fetchall()
    finally:
        conn.close()


def render_rows(rows) -> str:
    return "\n".join(ROW.format(name=escape(name), crop=escape(crop), area=area)
                     for name, crop, area in rows)


@app.get("/fields")
def fields():
    q = request.query.getunicode("q", default="")
    rows = search_fields(q) if q else []
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(query=escape(q), count=len(rows), rows=render_rows(rows))


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8081)
