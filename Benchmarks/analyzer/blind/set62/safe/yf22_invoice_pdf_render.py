"""Folio invoice PDF rendering for the guest app and front desk."""
import asyncio
import logging
import os
import shutil
import tempfile

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("folio.pdf")
TEMPLATES = Environment(
    loader=FileSystemLoader(os.environ.get("INVOICE_TEMPLATES", "/srv/folio/templates")),
    autoescape=select_autoescape(["html"]),
)
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF", "/usr/local/bin/wkhtmltopdf")


async def fetch_folio(pool, folio_id: int) -> dict:
    async with pool.acquire() as conn:
        folio = await conn.fetchrow(
            "SELECT id, number, guest_name, company, arrival, departure, balance "
            "FROM folios WHERE id = $1", folio_id)
        if folio is None:
            return None
        lines = await conn.fetch(
            "SELECT posted_at, description, amount FROM postings WHERE folio_id = $1 "
            "ORDER BY posted_at", folio_id)
    return {**dict(folio), "lines": [dict(l) for l in lines]}


async def html_to_pdf(html: str, title: str) -> bytes:
    workdir = tempfile.mkdtemp(prefix="invoice_")
    src = os.path.join(workdir, "invoice.html")
    out = os.path.join(workdir, "invoice.pdf")
    try:
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(html)
        cmd = [WKHTMLTOPDF, "--quiet", "--page-size", "A4", "--title", title, src, out]
        proc = await asyncio.create_subprocess_exec(*cmd)
        if await proc.wait() != 0:
            raise RuntimeError("wkhtmltopdf failed")
        with open(out, "rb") as fh:
            return fh.read()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def render_invoice(request: web.Request) -> web.Response:
    folio_id = int(request.match_info["folio_id"])
    if folio_id not in request.get("allowed_folios", set()):
        raise web.HTTPNotFound()
    folio = await fetch_folio(request.app["pool"], folio_id)
    if folio is None:
        raise web.HTTPNotFound()
    title = request.query.get("title") or f"Invoice {folio['number']} - {folio['guest_name']}"
    html = TEMPLATES.get_template("invoice.html").render(folio=folio)
    try:
        pdf = await html_to_pdf(html, title)
    except RuntimeError:
        log.exception("pdf render failed for folio %d", folio_id)
        raise web.HTTPInternalServerError(text="could not render invoice")
    return web.Response(body=pdf, content_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="folio-{folio_id}.pdf"'})


def create_app(pool) -> web.Application:
    app = web.Application()
    app["pool"] = pool
    app.router.add_get(r"/folios/{folio_id:\d+}/invoice.pdf", render_invoice)
    return app
