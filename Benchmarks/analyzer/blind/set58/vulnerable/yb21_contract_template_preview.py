"""Preview rendering for contract templates edited by paralegals in the CLM UI."""
import datetime as dt
import logging

from aiohttp import web
from jinja2 import Environment, TemplateSyntaxError

log = logging.getLogger("clm.templates")

env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["money"] = lambda v: "${:,.2f}".format(float(v or 0))


class TemplateRepo:
    def __init__(self):
        self._templates = {}

    def save(self, slug, body, author):
        self._templates[slug] = {"body": body, "author": author, "updated": dt.datetime.utcnow()}

    def get(self, slug):
        return self._templates.get(slug)


def sample_context(overrides):
    ctx = {
        "counterparty": {"name": "Acme Reinsurance Ltd", "address": "1 Lime St, London"},
        "effective_date": dt.date.today().isoformat(),
        "term_months": 24,
        "fee": 125000,
        "governing_law": "New York",
    }
    ctx.update(overrides or {})
    return ctx


def render_body(body, context):
    template = env.from_string(body)  # VULN flow
    return template.render(**context)


async def save_template(request):
    slug = request.match_info["slug"]
    data = await request.json()
    author = request.headers.get("X-Remote-User", "anonymous")
    request.app["repo"].save(slug, data["body"], author)
    log.info("template %r saved by %r", slug, author)
    return web.json_response({"saved": slug})


async def preview_template(request):
    slug = request.match_info["slug"]
    stored = request.app["repo"].get(slug)
    if stored is None:
        raise web.HTTPNotFound()
    overrides = await request.json() if request.can_read_body else {}
    try:
        html = render_body(stored["body"], sample_context(overrides))
    except TemplateSyntaxError as exc:
        return web.json_response({"error": str(exc)}, status=422)
    return web.Response(text=html, content_type="text/html")


def make_app():
    app = web.Application()
    app["repo"] = TemplateRepo()
    app.router.add_put("/templates/{slug}", save_template)
    app.router.add_post("/templates/{slug}/preview", preview_template)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8086)
