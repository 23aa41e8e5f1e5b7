"""ISP customer portal: invoice search page."""
import sqlite3

from flask import Flask, Response, abort, g, request, session
from markupsafe import escape

app = Flask(__name__)
app.config.from_envvar("PORTAL_SETTINGS")

PAGE = """<!doctype html>
<html><head><title>Invoices</title><link rel="stylesheet" href="/static/portal.css"></head>
<body>
<form method="get" action="/invoices"><input name="q" value="{query}"><button>Search</button></form>
{heading}
<table class="invoices">
<tr><th>No.</th><th>Period</th><th>Memo</th><th>Amount</th><th>Status</th></tr>
{rows}
</table>
</body></html>"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["BILLING_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


def find_invoices(account_id: int, term: str):
    sql = ("SELECT number, period, memo, amount_cents, status FROM invoices "
           "WHERE account_id = ? AND (number LIKE ? OR memo LIKE ?) ORDER BY period DESC LIMIT 50")
    like = f"%{term}%"
    return db().execute(sql, (account_id, like, like)).fetchall()


def render_row(inv) -> str:
    amount = f"{inv['amount_cents'] / 100:.2f}"
    return (f"<tr><td>{escape(inv['number'])}</td><td>{escape(inv['period'])}</td>"
            f"<td>{escape(inv['memo'])}</td><td>{amount}</td><td>{escape(inv['status'])}</td></tr>")


@app.route("/invoices")
def invoices():
    account_id = session.get("account_id")
    if account_id is None:
        abort(401)
    query = request.args.get("q", "").strip()
    rows = find_invoices(account_id, query)
    safe_query = escape(query)
    heading = f"<h2>{len(rows)} invoices matching &quot;{safe_query}&quot;</h2>" if query else ""
    html = PAGE.format(query=safe_query, heading=heading, rows="\n".join(render_row(r) for r in rows))
    return Response(html, mimetype="text/html")


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
