"""Seat map pages and payment-provider return handler for the ticket shop."""
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("seatmap")

SECTIONS = {
    "A": {"rows": 22, "seats": 30, "price": "89.00", "label": "Lower Tier North"},
    "B": {"rows": 18, "seats": 26, "price": "65.00", "label": "Lower Tier East"},
    "C": {"rows": 30, "seats": 40, "price": "45.00", "label": "Upper Tier"},
}

PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="stylesheet" href="/static/seatmap.css"></head><body>{body}</body></html>"""


def render_section(code: str, info: dict) -> str:
    rows = []
    for r in range(1, info["rows"] + 1):
        cells = "".join(f'<td data-seat="{code}-{r}-{s}"></td>' for s in range(1, info["seats"] + 1))
        rows.append(f"<tr><th>{r}</th>{cells}</tr>")
    return f"<h1>{info['label']}</h1><p>From &pound;{info['price']}</p><table>{''.join(rows)}</table>"


async def seatmap(request: Request):
    section = request.query_params.get("section", "A")
    info = SECTIONS.get(section.upper())
    if info is None:
        body = f"<h2>Section {section} not found</h2><p><a href='/seatmap'>Back to stadium</a></p>"
        return HTMLResponse(PAGE.format(title="Not found", body=body), status_code=404)  # VULN flow
    html_body = render_section(section.upper(), info)
    return HTMLResponse(PAGE.format(title=info["label"], body=html_body))


async def checkout_return(request: Request):
    order = request.query_params.get("order", "")
    back = request.query_params.get("return_to", "/orders")
    target = f"{back}?order={order}" if order else back
    log.info("payment return for order %r", order)
    return RedirectResponse(target, status_code=303)  # VULN flow


app = Starlette(routes=[
    Route("/seatmap", seatmap),
    Route("/checkout/return", checkout_return),
])
