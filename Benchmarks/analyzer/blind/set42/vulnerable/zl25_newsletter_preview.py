"""Bottle app where newsletter editors draft and preview campaign emails.

Editors type the body with placeholders such as ``{{first_name}}`` and
the preview renders it against a sample subscriber.
"""
import logging
import os

from bottle import Bottle, request, response, template

log = logging.getLogger("newsletter")
app = Bottle()

SAMPLE_SUBSCRIBER = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "plan": "Pro",
    "unsubscribe_url": "https://news.example.com/u/sample",
}

PAGE = """<!doctype html>
<html><head><title>Preview</title></head>
<body>
<div class="toolbar">Previewing as {{sub['first_name']}} ({{sub['plan']}})</div>
<div class="email">{{body}}</div>
</body></html>"""


class Draft:
    def __init__(self, subject: str, body: str):
        self.subject = subject.strip()
        self.body = body

    def render(self, subscriber: dict) -> str:
        return template(self.body, **subscriber)  # VULN flow


@app.post("/campaigns/preview")
def preview():
    draft = Draft(request.forms.getunicode("subject", ""), request.forms.getunicode("body", ""))
    if not draft.body:
        response.status = 400
        return "body is required"
    rendered = draft.render(SAMPLE_SUBSCRIBER)
    log.info("preview rendered (%d chars)", len(rendered))
    return template(PAGE, sub=SAMPLE_SUBSCRIBER, body=rendered)


@app.get("/campaigns/subject-check")
def subject_check():
    subject = request.query.getunicode("subject", "")
    verdict = "ok" if 10 <= len(subject) <= 78 else "too long or too short"
    html = "<p>Subject <b>" + subject + "</b>: " + verdict + "</p>"
    response.content_type = "text/html; charset=utf-8"
    return html  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8084")))
