"""Status-page admin: ops staff post incident banners shown across internal tools."""
import datetime as dt
import html as htmllib
import logging
from urllib.parse import urlparse

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


def local_path(target, default="/admin"):
    if not target or any(ord(ch) < 33 for ch in target):
        return default
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def render_banner(item):
    css = SEVERITY_CLASS.get(item["severity"], "banner-info")
    esc = htmllib.escape
    html = f'<div class="{css}"><strong>{esc(item["posted"])}</strong> {esc(item["message"])}'
    if item["link"] and urlparse(item["link"]).scheme in ("http", "https"):
        html += f' <a href="{esc(item["link"], quote=True)}">details</a>'
    return html + f'<span class="by">— {esc(item["author"])}</span></div>'


async def banner_fragment(request: Request):
    """Embedded by every internal tool via <iframe src=/banner>."""
    body = "".join(render_banner(i) for i in board.active())
    return HTMLResponse(f"<!doctype html><link rel=stylesheet href=/static/b.css>{body}")


async def post_banner(request: Request):
    form = await request.form()
    author = request.headers.get("x-forwarded-user", "unknown")
    severity = form.get("severity", "info")
    if severity not in SEVERITY_CLASS:
        return JSONResponse({"error": "bad severity"}, status_code=400)
    board.post(author, severity, form.get("message", ""), form.get("link") or None)
    log.info("banner posted by %r", author)
    return RedirectResponse(local_path(form.get("return_to")), status_code=303)


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
