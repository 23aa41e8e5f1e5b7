"""Printable bet receipt page (Starlette). Linked from confirmation emails."""
import html
import logging
import os

import databases
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

log = logging.getLogger("receipts")
database = databases.Database(os.environ.get("BETS_DATABASE_URL", "postgresql://localhost/bets"))

RECEIPT_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Receipt #{bet_id}</title></head>
<body>
  <h1>Bet receipt</h1>
  <p class="ref">Reference: {ref}</p>
  <dl>
    <dt>Event</dt><dd>{event}</dd>
    <dt>Selection</dt><dd>{selection} @ {price}</dd>
    <dt>Stake</dt><dd>{stake}</dd>
    <dt>Note</dt><dd>{note}</dd>
  </dl>
  <a href="/bets">Back to my bets</a>
</body></html>"""


async def fetch_bet(bet_id: int, token: str):
    return await database.fetch_one(
        "SELECT id, event_name, selection_name, price, stake_cents, currency, customer_note "
        "FROM bets WHERE id = :id AND receipt_token = :token",
        {"id": bet_id, "token": token},
    )


def render_receipt(bet, ref: str) -> str:
    context = {
        "bet_id": bet["id"],
        "ref": ref,
        "event": bet["event_name"],
        "selection": bet["selection_name"],
        "price": f"{bet['price']:.2f}",
        "stake": f"{bet['stake_cents'] / 100:.2f} {bet['currency']}",
        "note": bet["customer_note"] or "",
    }
    return RECEIPT_HTML.format(**{k: html.escape(str(v)) for k, v in context.items()})


async def receipt(request):
    bet_id = int(request.path_params["bet_id"])
    token = request.query_params.get("t", "")
    bet = await fetch_bet(bet_id, token)
    if bet is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    body = render_receipt(bet, request.query_params.get("ref", "email"))
    return HTMLResponse(body)


app = Starlette(
    routes=[Route("/receipts/{bet_id:int}", receipt)],
    on_startup=[database.connect],
    on_shutdown=[database.disconnect],
)
