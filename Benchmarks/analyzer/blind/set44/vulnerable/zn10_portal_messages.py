"""Patient-portal inbox: secure messages between patients and their care team."""
import datetime as dt
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from portal.auth import require_patient
from portal.storage import MessageStore

store = MessageStore(os.environ.get("PORTAL_DB_URL", "postgresql://portal@db/portal"))

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Messages</title>
<link rel="stylesheet" href="/static/portal.css"></head>
<body><main>
<form method="get" action="/inbox"><input name="q" value="{query}"><button>Search</button></form>
<h2>{heading}</h2>
<ul class="messages">{rows}</ul>
</main></body></html>"""


def render_row(msg) -> str:
    sent = msg.sent_at.strftime("%d %b %Y %H:%M")
    return (
        f'<li class="msg {"unread" if not msg.read else ""}">'
        f"<b>{msg.sender_name}</b> <time>{sent}</time>"
        f"<p class=\"subject\">{msg.subject}</p>"
        f"<div class=\"body\">{msg.body}</div></li>"
    )


def heading_for(query: str, count: int) -> str:
    if query:
        return f"{count} message(s) matching \u201c{query}\u201d"
    return f"Inbox ({count})"


@require_patient
async def inbox(request: Request):
    patient = request.state.patient
    query = request.query_params.get("q", "").strip()
    messages = await store.search(patient.id, query) if query else await store.recent(patient.id)
    rows = "\n".join(render_row(m) for m in messages)
    html = PAGE.format(query=query, heading=heading_for(query, len(messages)), rows=rows)
    return HTMLResponse(html)  # VULN flow


@require_patient
async def send(request: Request):
    patient = request.state.patient
    form = await request.form()
    subject = str(form.get("subject", ""))[:200]
    body = str(form.get("body", ""))[:5000]
    await store.create(
        patient_id=patient.id,
        sender_name=patient.display_name,
        subject=subject,
        body=body,
        sent_at=dt.datetime.utcnow(),
    )
    return RedirectResponse("/inbox", status_code=303)


app = Starlette(routes=[
    Route("/inbox", inbox),
    Route("/inbox/send", send, methods=["POST"]),
])
