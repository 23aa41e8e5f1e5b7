"""Preview page for patient reminder messages (recall, pre-op, eyewear pickup).

Staff fill in the fields on the reminders screen and get an HTML preview of
the SMS before it is queued.
"""
import logging
from string import Template

from bottle import Bottle, abort, request, response

app = Bottle()
log = logging.getLogger("reminders")

TEMPLATES = {
    "recall": "Hi $first_name, it's time for your 6-month cleaning at $clinic. Reply Y to book.",
    "preop": "Hi $first_name, reminder: $procedure on $when with $provider. Please arrive 10 min early.",
    "eyewear": "Hi $first_name, your $item is ready for pickup at $clinic.",
}

PAGE = """<!doctype html>
<html><head><title>Reminder preview</title></head>
<body>
  <h1>Preview: {kind}</h1>
  <div class="sms">{body}</div>
  <p class="meta">{length} characters, {segments} SMS segment(s)</p>
</body></html>"""

FIELD_DEFAULTS = {
    "first_name": "there",
    "clinic": "Bright Smile Dental",
    "procedure": "your appointment",
    "when": "",
    "provider": "",
    "item": "order",
}


def collect_fields(query) -> dict:
    fields = {}
    for name, default in FIELD_DEFAULTS.items():
        fields[name] = query.getunicode(name, default) or default
    return fields


def render_message(kind: str, fields: dict) -> str:
    return Template(TEMPLATES[kind]).safe_substitute(fields)


@app.get("/reminders/preview")
def preview():
    kind = request.query.get("kind", "recall")
    if kind not in TEMPLATES:
        abort(404, "unknown reminder type")
    body = render_message(kind, collect_fields(request.query))
    segments = max(1, -(-len(body) // 160))
    response.content_type = "text/html; charset=utf-8"
    page = PAGE.format(kind=kind, body=body, length=len(body), segments=segments)
    return page  # VULN flow


@app.get("/reminders/types")
def reminder_types():
    return {"types": sorted(TEMPLATES)}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
