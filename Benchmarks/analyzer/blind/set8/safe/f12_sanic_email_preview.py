"""Marketing email editor backend: preview of the stock campaign templates."""
import logging
from datetime import date

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import html, json

app = Sanic("campaign_editor")
log = logging.getLogger("campaign.preview")

env = Environment(
    loader=FileSystemLoader("templates/campaigns"),
    autoescape=select_autoescape(["html", "xml"]),
)

CAMPAIGN_TEMPLATES = {
    "welcome": "welcome.html",
    "renewal": "renewal_reminder.html",
    "winback": "winback.html",
}

SAMPLE_RECIPIENT = {
    "first_name": "Dana",
    "last_name": "Example",
    "plan": "Pro",
    "renewal": date(2025, 1, 31),
}


def preview_context(overrides: dict) -> dict:
    ctx = dict(SAMPLE_RECIPIENT)
    ctx.update({k: str(v)[:200] for k, v in overrides.items() if k in SAMPLE_RECIPIENT})
    ctx["unsubscribe_url"] = "https://mail.example.com/u/preview"
    return ctx


@app.post("/campaigns/preview")
async def preview(request):
    payload = request.json or {}
    template_name = CAMPAIGN_TEMPLATES.get(payload.get("template"))
    if template_name is None:
        raise BadRequest("unknown template")
    ctx = preview_context(payload.get("sample") or {})
    rendered = env.get_template(template_name).render(**ctx)
    return html(rendered)


@app.get("/campaigns/templates")
async def list_templates(request):
    return json({"templates": sorted(CAMPAIGN_TEMPLATES)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8010, debug=False)
