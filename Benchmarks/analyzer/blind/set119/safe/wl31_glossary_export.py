"""Client-facing glossary browser and export (Starlette)."""
import csv
import io
import sqlite3
from html import escape

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

DB_PATH = "/srv/termbase/glossary.sqlite3"
SORTABLE = ("source_term", "target_term", "domain", "updated_at")


def glossary_filter(client_id: int, lang_pair: str, domain: str | None, sort: str) -> tuple:
    src, _, tgt = lang_pair.partition("-")
    where = ["client_id = ?", "source_lang = ?", "target_lang = ?"]
    params = [client_id, src, tgt]
    if domain:
        where.append("domain = ?")
        params.append(domain)
    if sort not in SORTABLE:
        sort = "source_term"
    return "SELECT source_term, target_term, domain, note FROM terms WHERE " + " AND ".join(where) + f" ORDER BY {sort}", params


def fetch_terms(query: tuple) -> list:
    sql, params = query
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(sql, params).fetchall()


async def glossary_page(request: Request):
    client_id = request.state.client_id
    pair = request.path_params["pair"]
    domain = request.query_params.get("domain")
    sort = request.query_params.get("sort", "source_term")
    rows = fetch_terms(glossary_filter(client_id, pair, domain, sort))
    if not rows:
        return HTMLResponse(f"<p>No terms found for domain <b>{_esc(domain)}</b>.</p>", status_code=404)
    body = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(*map(_esc, r[:3])) for r in rows
    )
    return HTMLResponse(f"<table class='glossary'>{body}</table>")


async def glossary_csv(request: Request):
    pair = request.path_params["pair"]
    rows = fetch_terms(glossary_filter(request.state.client_id, pair, request.query_params.get("domain"), "source_term"))
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["source", "target", "domain", "note"])
    writer.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": "attachment; filename=glossary.csv"})


def _esc(value) -> str:
    return escape(str(value or ""))


routes = [
    Route("/glossary/{pair}", glossary_page),
    Route("/glossary/{pair}/export.csv", glossary_csv),
]
app = Starlette(routes=routes)
