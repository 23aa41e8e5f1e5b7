"""Status-page admin: ops staff post incident banners shown across internal tools."""
import datetime as dt
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("statusbanner")

SEVERITY_CLASS = {"info": "banner-info", "minor": "banner-warn", "major": "banner-crit"}


class BannerBoard:
    def __init__(self):
        self.items = []

    def post(self, author, severity, message, link=None):
        self.items.insert(0, {
            "author": author, "severity": severity, "message": message,
            "link": link, "posted": dt.datetime.utcnow().strftime("%H:%M UTC"),
        })
        del self.items[20:]

    def active(self):
        return self.items[:3]


board = BannerBoard()


def render_banner(item):
    css = SEVERITY_CLASS.get(item["severity"], "banner-info")
    html = f'<div class="{css}"><strong>{item["posted"]}</strong> {item["message"]}'
    if item["link"]:
        html += f' <a href="{item["link"]}">details</a>'
    return html + f'<span class="by">— {item["author"]}</span></div>'


async def banner_fragment(request: Request):
    """Embedded by every internal tool via <iframe src=/banner>."""
    body = "".join(render_banner(i) for i in board.active())
    return HTMLResponse(f"<!doctype html><link rel=stylesheet href=/static/b.css>{body}")  # VULN flow


async def post_banner(request: Request):
    form = await request.form()
    author = request.headers.get("x-forwarded-user", "unknown")
    severity = form.get("severity", "info")
    if severity not in SEVERITY_CLASS:
        return JSONResponse({"error": "bad severity"}, status_code=400)
    board.post(author, severity, form.get("message", ""), form.get("link") or None)
    log.info("banner posted by %r", author)
    return RedirectResponse(form.get("return_to", "/admin"), status_code=303)  # VULN flow


async def admin_page(request: Request):
    return HTMLResponse(
        "<form method=post action=/admin/banner>"
        "<select name=severity><option>info<option>minor<option>major</select>"
        "<input name=message><input name=link><button>Post</button></form>"
    )


app = Starlette(routes=[
    Route("/banner", banner_fragment),
    Route("/admin", admin_page),
    Route("/admin/banner", post_banner, methods=["POST"]),
])
