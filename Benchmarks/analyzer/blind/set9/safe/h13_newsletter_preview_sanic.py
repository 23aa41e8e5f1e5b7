"""Newsletter campaign preview endpoints for the marketing console (Sanic)."""
import logging
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import html, json

app = Sanic("newsletter")
logger = logging.getLogger("newsletter")

TEMPLATE_DIR = Path(__file__).parent / "campaign_templates"
env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(["html", "xml"]),
)

CAMPAIGN_TEMPLATES = {
    "welcome": "welcome.html",
    "digest": "weekly_digest.html",
    "winback": "winback.html",
}
EDITABLE_FIELDS = ("headline", "intro", "cta_label")

SAMPLE_SUBSCRIBER = {"first_name": "Ada", "last_name": "Lovelace", "plan": "pro"}


@app.post("/campaigns/preview")
async def preview(request):
    """Render a stored campaign layout with editor-provided copy."""
    payload = request.json or {}
    template_name = CAMPAIGN_TEMPLATES.get(payload.get("template"))
    if template_name is None:
        raise BadRequest("unknown campaign template")

    copy = payload.get("copy") or {}
    fields = {k: str(copy.get(k, ""))[:2000] for k in EDITABLE_FIELDS}
    rendered = env.get_template(template_name).render(
        subscriber=SAMPLE_SUBSCRIBER,
        today=date.today().isoformat(),
        unsubscribe_url="https://news.example.com/u/preview",
        **fields,
    )
    return html(rendered)


@app.get("/campaigns/templates")
async def list_templates(request):
    return json(sorted(CAMPAIGN_TEMPLATES))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000)
