"""Rights and reproduction statements for the aggregated heritage portal.

Each contributing institution maintains its own statement template, e.g.
"(c) {{ object.rights_holder }} {{ year }}. Reproduced with permission.",
which is rendered per object when records are shown or exported.
"""
import datetime
import hmac
import json
import os

from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PARTNER_KEYS = json.loads(os.environ.get("PARTNER_KEYS", "{}"))
TEMPLATES: dict = {}
RECORDS_PATH = os.environ.get("PORTAL_RECORDS", "/srv/portal/records.json")
_ENV = SandboxedEnvironment(autoescape=True)


def load_record(partner: str, object_id: str) -> dict:
    with open(RECORDS_PATH, encoding="utf-8") as fh:
        records = json.load(fh)
    return records.get(partner, {}).get(object_id, {})


def render_statement(source: str, record: dict) -> str:
    tpl = _ENV.from_string(source)
    return tpl.render(object=record, year=datetime.date.today().year)


def _authorised(request: Request, partner: str) -> bool:
    expected = PARTNER_KEYS.get(partner)
    supplied = request.headers.get("x-partner-key", "")
    return bool(expected) and hmac.compare_digest(expected, supplied)


async def put_template(request: Request) -> JSONResponse:
    partner = request.path_params["partner"]
    if not _authorised(request, partner):
        return JSONResponse({"error": "forbidden"}, status_code=403)
    body = await request.json()
    source = str(body.get("template", ""))
    if not source or len(source) > 2000:
        return JSONResponse({"error": "template must be 1-2000 characters"}, status_code=400)
    TEMPLATES[partner] = source
    preview = render_statement(source, {"rights_holder": partner, "title": "Example object"})
    return JSONResponse({"partner": partner, "preview": preview})


async def statement(request: Request) -> JSONResponse:
    partner = request.path_params["partner"]
    object_id = request.path_params["object_id"]
    source = TEMPLATES.get(partner)
    if source is None:
        return JSONResponse({"statement": "All rights reserved."})
    record = load_record(partner, object_id)
    if not record:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"statement": render_statement(source, record)})


app = Starlette(routes=[
    Route("/partners/{partner}/rights-template", put_template, methods=["PUT"]),
    Route("/partners/{partner}/objects/{object_id}/rights", statement),
])
