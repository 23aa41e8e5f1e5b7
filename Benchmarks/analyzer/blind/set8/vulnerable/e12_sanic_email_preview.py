"""Marketing email editor backend: live preview of campaign templates."""
import logging
from datetime import date

from jinja2 import Environment, TemplateSyntaxError
from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import html, json

app = Sanic("campaign_editor")
log = logging.getLogger("campaign.preview")

env = Environment(autoescape=True)

SAMPLE_RECIPIENT = {
    "first_name": "Dana",
    "last_name": "Example",
    "plan": "Pro",
    "renewal": date(2025, 1, 31),
}


def preview_context(overrides: dict) -> dict:
    ctx = dict(SAMPLE_RECIPIENT)
    ctx.update({k: v for k, v in overrides.items() if k in SAMPLE_RECIPIENT})
    ctx["unsubscribe_url"] = "https://mail.example.com/u/preview"
    return ctx


@app.post("/campaigns/preview")
async def preview(request):
    payload = request.json or {}
    body = payload.get("body")
    if not isinstance(body, str) or not body.strip():
        raise BadRequest("body is required")
    ctx = preview_context(payload.get("sample", {}))
    try:
        rendered = env.from_string(body).render(**ctx)  # VULN flow
    except TemplateSyntaxError as exc:
        return json({"error": "syntax", "line": exc.lineno}, status=422)
    return html(rendered)


@app.get("/campaigns/health")
async def health(request):
    return json({"ok": True})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8010, debug=False)
