from jinja2 import Environment, select_autoescape
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

env = Environment(autoescape=select_autoescape(default_for_string=True))

SAMPLE = {
    "customer": {"first_name": "Dana", "last_name": "Reyes", "email": "dana@example.com"},
    "order": {"id": 10234, "total": "89.90", "items": [{"name": "Desk lamp", "qty": 1}]},
}


async def preview(request):
    data = await request.json()
    source = str(data.get("body", ""))
    subject = str(data.get("subject", ""))[:200]
    if len(source) > 20000:
        return JSONResponse({"error": "template too large"}, status_code=413)
    try:
        rendered = env.from_string(source).render(customer=SAMPLE["customer"], order=SAMPLE["order"])  # VULN flow
    except Exception:
        return JSONResponse({"error": "template error"}, status_code=422)
    return JSONResponse({"subject": subject, "html": rendered})


async def sample_context(_request):
    return JSONResponse(SAMPLE)


app = Starlette(
    routes=[
        Route("/emails/preview", preview, methods=["POST"]),
        Route("/emails/sample-context", sample_context),
    ]
)
