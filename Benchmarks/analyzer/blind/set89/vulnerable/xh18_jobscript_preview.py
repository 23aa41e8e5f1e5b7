"""Preview and store user-defined job script templates for the portal's job composer."""
import logging
import re

from jinja2 import Environment, StrictUndefined, TemplateError
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

log = logging.getLogger("composer")

env = Environment(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, autoescape=False)

DEFAULT_CONTEXT = {
    "partition": "compute",
    "nodes": 1,
    "ntasks": 32,
    "time": "02:00:00",
    "modules": ["gcc/12.2", "openmpi/4.1"],
    "account": "default",
}
NAME_RE = re.compile(r"^[\w.-]{1,48}$")


class TemplateLibrary:
    def __init__(self):
        self.by_user = {}

    def save(self, user: str, name: str, source: str) -> None:
        self.by_user.setdefault(user, {})[name] = source

    def get(self, user: str, name: str) -> str:
        return self.by_user[user][name]


library = TemplateLibrary()


def render_script(source: str, overrides: dict) -> str:
    context = {**DEFAULT_CONTEXT, **overrides}
    return env.from_string(source).render(**context)  # VULN flow


async def preview(request):
    payload = await request.json()
    source = payload.get("template", "")
    try:
        text = render_script(source, payload.get("values") or {})
    except TemplateError as exc:
        return JSONResponse({"error": str(exc)}, status_code=422)
    return PlainTextResponse(text)


async def save(request):
    user = request.headers.get("X-Remote-User", "anonymous")
    payload = await request.json()
    name = payload.get("name", "")
    if not NAME_RE.match(name):
        return JSONResponse({"error": "invalid template name"}, status_code=400)
    library.save(user, name, payload.get("template", ""))
    return JSONResponse({"saved": name})


async def render_saved(request):
    user = request.headers.get("X-Remote-User", "anonymous")
    try:
        source = library.get(user, request.path_params["name"])
    except KeyError:
        return JSONResponse({"error": "not found"}, status_code=404)
    values = dict(request.query_params)
    return PlainTextResponse(render_script(source, values))


app = Starlette(
    routes=[
        Route("/api/templates/preview", preview, methods=["POST"]),
        Route("/api/templates", save, methods=["POST"]),
        Route("/api/templates/{name}/render", render_saved),
    ]
)
