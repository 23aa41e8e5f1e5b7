"""Newsletter campaign preview endpoints for the marketing console (Sanic)."""
import logging
from datetime import date

from jinja2 import Environment, TemplateSyntaxError
from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import html, json

app = Sanic("newsletter")
logger = logging.getLogger("newsletter")

env = Environment(autoescape=True)

SAMPLE_SUBSCRIBER = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.org",
    "plan": "pro",
}


def _context() -> dict:
    return {
        "subscriber": SAMPLE_SUBSCRIBER,
        "today": date.today().isoformat(),
        "unsubscribe_url": "https://news.example.com/u/preview",
    }


@app.post("/campaigns/preview")
async def preview(request):
    """Render an editor-supplied campaign body against a sample subscriber."""
    if not request.json or "template" not in request.json:
        raise BadRequest("template is required")
    try:
        rendered = env.from_string(request.json.get("template", "")).render(**_context())  # VULN
    except TemplateSyntaxError as exc:
        return json({"error": "syntax error", "line": exc.lineno}, status=422)
    return html(rendered)


@app.get("/campaigns/sample-context")
async def sample_context(request):
    return json(_context())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000)
