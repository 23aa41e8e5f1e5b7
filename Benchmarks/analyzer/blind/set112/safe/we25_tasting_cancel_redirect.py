"""Starlette app handling tasting cancellations from the emailed manage link."""
import logging
import os
from urllib.parse import urlsplit

import databases
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("tasting.cancel")
database = databases.Database(os.environ.get("TASTING_DB_URL", "sqlite:///tasting.db"))

CANCEL_FORM = """<!doctype html><html><body>
<form method="post"><input type="hidden" name="code" value="{code}">
<p>Cancel this reservation?</p><button type="submit">Yes, cancel</button></form>
</body></html>"""


def _return_target(value: str) -> str:
    value = (value or "").strip()
    parts = urlsplit(value)
    if not value.startswith("/") or value.startswith("//") or "\\" in value or any(ord(c) < 32 for c in value) or parts.scheme or parts.netloc:
        return "/"
    return value


async def show_cancel(request: Request):
    code = request.path_params["code"]
    row = await database.fetch_one("SELECT code FROM reservations WHERE code = :code", {"code": code})
    if row is None:
        return HTMLResponse("<p>Reservation not found.</p>", status_code=404)
    return HTMLResponse(CANCEL_FORM.format(code=row["code"]))


async def cancel_booking(request: Request):
    code = request.path_params["code"]
    form = await request.form()
    if form.get("code") != code:
        return HTMLResponse("<p>Mismatched reservation.</p>", status_code=400)
    result = await database.execute(
        "UPDATE reservations SET status = 'cancelled' WHERE code = :code AND status = 'booked'",
        {"code": code},
    )
    log.info("cancellation processed, rows=%s", result)
    target = _return_target(request.query_params.get("return_to", ""))
    return RedirectResponse(url=target, status_code=303)


app = Starlette(
    routes=[
        Route("/manage/{code}/cancel", show_cancel, methods=["GET"]),
        Route("/manage/{code}/cancel", cancel_booking, methods=["POST"]),
    ],
    on_startup=[database.connect],
    on_shutdown=[database.disconnect],
)
