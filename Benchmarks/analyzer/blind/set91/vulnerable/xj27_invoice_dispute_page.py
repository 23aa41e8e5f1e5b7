"""Invoice dispute thread shown to AP clerks and to the supplier.

Suppliers open disputes from the portal (short-pay, price variance, missing
receipt); AP answers in the same thread.  This module renders the thread as
a small HTML fragment that the portal loads into a side panel."""
import logging
from datetime import datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from ap.disputes import DisputeRepo

log = logging.getLogger("ap.disputes.ui")
repo = DisputeRepo.from_env()

STATUS_BADGE = {
    "open": "badge-warning",
    "awaiting_supplier": "badge-info",
    "resolved": "badge-success",
}


def _fmt_ts(ts: datetime) -> str:
    return ts.strftime("%d %b %Y %H:%M")


def render_message(msg) -> str:
    who = msg.author_name
    side = "supplier" if msg.from_supplier else "ap"
    return (
        '<li class="msg msg-%s"><div class="meta">%s &middot; %s</div>'
        '<div class="body">%s</div></li>' % (side, who, _fmt_ts(msg.created_at), msg.body)
    )


def render_thread(dispute, flash=None) -> str:
    parts = ['<div class="dispute" data-id="%d">' % dispute.id]
    if flash:
        parts.append('<div class="flash">%s</div>' % flash)
    parts.append(
        '<h3>Invoice %s <span class="badge %s">%s</span></h3>'
        % (dispute.invoice_number, STATUS_BADGE.get(dispute.status, "badge"), dispute.status)
    )
    parts.append('<p class="reason">%s</p>' % dispute.reason)
    parts.append("<ul class=\"thread\">")
    parts.extend(render_message(m) for m in dispute.messages)
    parts.append("</ul></div>")
    return "".join(parts)


async def dispute_panel(request: Request):
    dispute = repo.get_for_user(int(request.path_params["dispute_id"]), request.user)
    if dispute is None:
        return HTMLResponse("<p>Dispute not found</p>", status_code=404)
    page = render_thread(dispute, request.query_params.get("flash"))
    return HTMLResponse(page)  # VULN flow


async def post_reply(request: Request):
    dispute_id = int(request.path_params["dispute_id"])
    form = await request.form()
    body = (form.get("body") or "").strip()
    if body:
        repo.add_message(dispute_id, request.user, body[:5000])
    return RedirectResponse("/disputes/%d/panel?flash=Reply+posted" % dispute_id, status_code=303)


app = Starlette(
    routes=[
        Route("/disputes/{dispute_id:int}/panel", dispute_panel),
        Route("/disputes/{dispute_id:int}/reply", post_reply, methods=["POST"]),
    ]
)
