"""Azure Function (HTTP trigger) that renders embeddable build-status badges."""
import azure.functions as func
from markupsafe import escape

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

COLORS = {
    "passing": "#4c1",
    "failing": "#e05d44",
    "running": "#dfb317",
    "unknown": "#9f9f9f",
}

BADGE_HTML = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
  body {{ margin: 0; font: 11px Verdana, sans-serif; }}
  .badge {{ display: inline-flex; border-radius: 3px; overflow: hidden; }}
  .label {{ background: #555; color: #fff; padding: 3px 6px; }}
  .status {{ background: {color}; color: #fff; padding: 3px 6px; }}
</style></head>
<body><span class="badge"><span class="label">{label}</span><span class="status">{status}</span></span></body>
</html>"""


def render_badge(label: str, status: str) -> str:
    if status not in COLORS:
        status = "unknown"
    return BADGE_HTML.format(label=escape(label), status=status, color=COLORS[status])


@app.route(route="badge", methods=["GET"])
def badge(req: func.HttpRequest) -> func.HttpResponse:
    label = req.params.get("label", "build")[:40]
    status = req.params.get("status", "unknown")
    body = render_badge(label, status)
    return func.HttpResponse(
        body,
        mimetype="text/html",
        headers={"Cache-Control": "public, max-age=60", "X-Content-Type-Options": "nosniff"},
    )
