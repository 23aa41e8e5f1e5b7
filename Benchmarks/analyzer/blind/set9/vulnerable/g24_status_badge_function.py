"""Google Cloud Function that renders embeddable build-status badges."""
import functions_framework
from flask import Response

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
    color = COLORS.get(status, COLORS["unknown"])
    return BADGE_HTML.format(label=label, status=status, color=color)


@functions_framework.http
def badge(request):
    """HTTP entry point: /badge?label=build&status=passing"""
    label = request.args.get("label", "build")[:40]
    status = request.args.get("status", "unknown")[:20]
    body = render_badge(label, status)
    resp = Response(body, mimetype="text/html")  # VULN flow
    resp.headers["Cache-Control"] = "public, max-age=60"
    return resp
