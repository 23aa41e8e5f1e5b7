"""Rent reminder e-mail templates; each landlord can customise wording per property (Starlette)."""
import logging
from datetime import date, timedelta

from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from portal.auth import require_landlord
from portal.templates import TemplateStore

log = logging.getLogger("reminders.templates")
store = TemplateStore.from_env()
sandbox = SandboxedEnvironment(autoescape=False)

DEFAULT_TEMPLATE = """Hi {{ tenant.first_name }},

This is a friendly reminder that rent of ${{ "%.2f"|format(amount) }} for unit {{ unit }}
is due on {{ due_date.strftime('%B %d') }}. Pay online at {{ portal_url }}.

Thanks,
{{ property_name }} management"""


def sample_context(property_name: str) -> dict:
    return {
        "tenant": {"first_name": "Jordan", "last_name": "Rivera"},
        "amount": 1875.00,
        "unit": "4B",
        "due_date": date.today() + timedelta(days=3),
        "portal_url": "https://portal.harborviewliving.com/pay",
        "property_name": property_name,
    }


def render_reminder(source: str, context: dict) -> str:
    return sandbox.from_string(source).render(**context)


@require_landlord
async def preview(request: Request) -> JSONResponse:
    data = await request.json()
    source = data.get("template") or DEFAULT_TEMPLATE
    prop = request.state.landlord.property(int(request.path_params["property_id"]))
    try:
        body = render_reminder(source, sample_context(prop.name))
    except Exception as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"preview": body})


@require_landlord
async def save(request: Request) -> JSONResponse:
    data = await request.json()
    property_id = int(request.path_params["property_id"])
    prop = request.state.landlord.property(property_id)
    source = data.get("template", "").strip()
    if not source:
        return JSONResponse({"error": "template is required"}, status_code=400)
    store.put(property_id, source)
    log.info("reminder template saved for property %s (%d chars)", prop.id, len(source))
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route("/properties/{property_id:int}/reminder-template/preview", preview, methods=["POST"]),
        Route("/properties/{property_id:int}/reminder-template", save, methods=["PUT"]),
    ]
)
