"""Generic inbound-webhook integration: each integration maps payloads to alerts."""
import hmac
import json
import logging
import os
import time

from aiohttp import web

log = logging.getLogger("integrations")

# api key -> tenant name, provisioned by the billing service
TENANT_KEYS = json.loads(os.environ.get("INTEGRATIONS_TENANT_KEYS", "{}"))
DEFAULT_TRANSFORM = """
def transform(event):
    return {"title": event.get("title", "webhook"), "severity": event.get("severity", "warning")}
"""


def compile_transform(source: str):
    namespace = {"json": json, "time": time}
    exec(source, namespace)  # VULN flow
    fn = namespace.get("transform")
    if not callable(fn):
        raise ValueError("source must define transform(event)")
    return fn


def passes_filter(expr: str, event: dict) -> bool:
    if not expr:
        return True
    return bool(eval(expr, {"__builtins__": {}}, {"event": event}))  # VULN flow


def tenant_for(api_key: str):
    for key, tenant in TENANT_KEYS.items():
        if hmac.compare_digest(api_key, key):
            return tenant
    return None


async def create_integration(request: web.Request) -> web.Response:
    tenant = tenant_for(request.headers.get("X-Api-Key", ""))
    if tenant is None:
        raise web.HTTPUnauthorized()
    body = await request.json()
    name = f"{tenant}-{body['name']}"
    try:
        transform = compile_transform(body.get("transform") or DEFAULT_TRANSFORM)
    except (SyntaxError, ValueError) as exc:
        return web.json_response({"error": str(exc)}, status=400)
    request.app["integrations"][name] = {"transform": transform, "filter": body.get("filter", "")}
    log.info("integration %r created for tenant %r", name, tenant)
    return web.json_response({"name": name}, status=201)


async def inbound(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    integration = request.app["integrations"].get(name)
    if integration is None:
        raise web.HTTPNotFound()
    event = await request.json()
    if not passes_filter(integration["filter"], event):
        return web.json_response({"skipped": True})
    alert = integration["transform"](event)
    alert["integration"] = name
    alert["received"] = time.time()
    request.app["alerts"].append(alert)
    return web.json_response({"accepted": True}, status=202)


def make_app() -> web.Application:
    app = web.Application()
    app["integrations"] = {}
    app["alerts"] = []
    app.router.add_post("/integrations", create_integration)
    app.router.add_post("/inbound/{name}", inbound)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8086)
