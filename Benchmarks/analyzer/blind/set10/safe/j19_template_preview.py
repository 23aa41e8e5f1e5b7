from string import Template

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

SAMPLE = {
    "customer": {"first_name": "Dana", "last_name": "Reyes", "email": "dana@example.com"},
    "order": {"id": 10234, "total": "89.90", "items": [{"name": "Desk lamp", "qty": 1}]},
}
PLACEHOLDERS = {
    "first_name": SAMPLE["customer"]["first_name"],
    "last_name": SAMPLE["customer"]["last_name"],
    "order_id": str(SAMPLE["order"]["id"]),
    "order_total": SAMPLE["order"]["total"],
}


async def preview(request):
    data = await request.json()
    if not isinstance(data, dict):
        return JSONResponse({"error": "object expected"}, status_code=400)
    source = str(data.get("body", ""))
    subject = str(data.get("subject", ""))[:200]
    if len(source) > 20000:
        return JSONResponse({"error": "template too large"}, status_code=413)
    rendered = Template(source).safe_substitute(PLACEHOLDERS)
    return JSONResponse({"subject": Template(subject).safe_substitute(PLACEHOLDERS), "body": rendered})


async def sample_context(_request):
    return JSONResponse({"placeholders": sorted(PLACEHOLDERS), "sample": SAMPLE})


app = Starlette(
    routes=[
        Route("/emails/preview", preview, methods=["POST"]),
        Route("/emails/sample-context", sample_context),
    ]
)
