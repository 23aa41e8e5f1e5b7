"""Client-facing glossary browser and export (Starlette)."""
import csv
import io
import sqlite3

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

DB_PATH = "/srv/termbase/glossary.sqlite3"
SORTABLE = ("source_term", "target_term", "domain", "updated_at")


def glossary_filter(client_id: int, lang_pair: str, domain: str | None, sort: str) -> str:
    src, _, tgt = lang_pair.partition("-")
    where = [f"client_id = {client_id}", f"source_lang = '{src}'", f"target_lang = '{tgt}'"]
    if domain:
        where.append(f"domain = '{domain}'")
    return "SELECT source_term, target_term, domain, note FROM terms WHERE " + " AND ".join(where) + f" ORDER BY {sort}"


def fetch_terms(query: str) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(query).fetchall()  # VULN flow


async def glossary_page(request: Request):
    client_id = request.state.client_id
    pair = request.path_params["pair"]
    domain = request.query_params.get("domain")
    sort = request.query_params.get("sort", "source_term")
    rows = fetch_terms(glossary_filter(client_id, pair, domain, sort))
    if not rows:
        return HTMLResponse(f"<p>No terms found for domain <b>{domain}</b>.</p>", status_code=404)  # VULN flow
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
    from html import escape
    return escape(str(value or ""))


routes = [
    Route("/glossary/{pair}", glossary_page),
    Route("/glossary/{pair}/export.csv", glossary_csv),
]
app = Starlette(routes=routes)
