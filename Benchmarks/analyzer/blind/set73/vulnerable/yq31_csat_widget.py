"""Embeddable CSAT widget shown to customers at the end of a chat session."""
import logging
import time

from fastapi import FastAPI, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

log = logging.getLogger("chat.csat")
app = FastAPI(title="csat-widget")

LABELS = {
    "en": {"q": "How would you rate your chat with", "send": "Send", "comment": "Anything to add?"},
    "de": {"q": "Wie bewerten Sie Ihren Chat mit", "send": "Senden", "comment": "Noch etwas?"},
    "fr": {"q": "Comment evaluez-vous votre echange avec", "send": "Envoyer", "comment": "Un commentaire ?"},
}
RATINGS = []


def widget_html(agent_name: str, ticket_ref: str, lang: str) -> str:
    labels = LABELS.get(lang, LABELS["en"])
    stars = "".join(
        f'<label><input type="radio" name="score" value="{n}" required>{n}</label>' for n in range(1, 6)
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/csat.css"></head>
<body>
<form class="csat" method="post" action="/csat/submit">
  <p>{labels['q']} {agent_name}?</p>
  <div class="stars">{stars}</div>
  <textarea name="comment" placeholder="{labels['comment']}"></textarea>
  <input type="hidden" name="ticket" value="{ticket_ref}">
  <button>{labels['send']}</button>
</form>
</body></html>"""


@app.get("/csat/widget", response_class=HTMLResponse)
def widget(ticket: str = Query(...), agent: str = Query("our team"), lang: str = Query("en")):
    page = widget_html(agent, ticket, lang)
    return HTMLResponse(content=page)  # VULN flow


@app.post("/csat/submit")
def submit(ticket: str = Form(...), score: int = Form(...), comment: str = Form(""),
           return_to: str = Form("/csat/thanks")):
    if not 1 <= score <= 5:
        return HTMLResponse("invalid score", status_code=400)
    RATINGS.append({"ticket": ticket, "score": score, "comment": comment[:2000], "ts": time.time()})
    log.info("csat %d recorded for ticket %r", score, ticket)
    return RedirectResponse(url=return_to, status_code=303)  # VULN flow


@app.get("/csat/thanks", response_class=HTMLResponse)
def thanks():
    return HTMLResponse("<p>Thanks for your feedback!</p>")
