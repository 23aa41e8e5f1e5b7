"""Hosted IVR: customers write text-to-speech prompt templates rendered per caller."""
import logging

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .storage import PromptStore

log = logging.getLogger("ivr.prompts")

store = PromptStore()
jinja_env = SandboxedEnvironment(autoescape=True, trim_blocks=True)

SAMPLE_CALLER = {
    "caller_name": "Alex Example",
    "caller_number": "+15555550123",
    "queue_position": 3,
    "wait_minutes": 4,
    "business_hours": "8am to 6pm",
}


class PromptRenderer:
    def __init__(self, env: SandboxedEnvironment):
        self.env = env

    def render(self, source: str, context: dict) -> str:
        template = self.env.from_string(source)
        text = template.render(**context)
        return " ".join(text.split())


renderer = PromptRenderer(jinja_env)


async def preview_prompt(request: Request):
    body = await request.json()
    source = body.get("template", "")
    if len(source) > 2000:
        return JSONResponse({"error": "template too long"}, status_code=413)
    try:
        text = renderer.render(source, SAMPLE_CALLER)
    except TemplateSyntaxError as exc:
        return JSONResponse({"error": f"line {exc.lineno}: {exc.message}"}, status_code=422)
    return JSONResponse({"ssml": f"<speak>{text}</speak>", "chars": len(text)})


async def save_prompt(request: Request):
    tenant = request.headers["X-Tenant-Id"]
    name = request.path_params["name"]
    body = await request.json()
    store.save(tenant, name, body.get("template", ""))
    log.info("prompt %r saved for tenant %r", name, tenant)
    return JSONResponse({"saved": name})


app = Starlette(routes=[
    Route("/ivr/prompts/preview", preview_prompt, methods=["POST"]),
    Route("/ivr/prompts/{name}", save_prompt, methods=["PUT"]),
])
