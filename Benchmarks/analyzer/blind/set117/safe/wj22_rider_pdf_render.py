"""Render hospitality/technical riders to PDF for the venue advance pack.

The advancing app renders the rider HTML from its own templates and posts it
along with the artist name and document title typed in by the tour manager;
we run wkhtmltopdf and hand back the PDF bytes.
"""
import asyncio
import logging
import os
import tempfile

from aiohttp import web

log = logging.getLogger("rider-pdf")

WKHTMLTOPDF = "/usr/local/bin/wkhtmltopdf"
RENDER_TIMEOUT = 60


class RenderJob:
    def __init__(self, artist: str, title: str, html: str):
        self.artist = artist
        self.title = title
        self.html = html


async def render(job: RenderJob) -> bytes:
    with tempfile.TemporaryDirectory(prefix="rider-") as workdir:
        src = os.path.join(workdir, "rider.html")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(job.html)
        out = os.path.join(workdir, "rider.pdf")
        args = [WKHTMLTOPDF, "--quiet", "--disable-local-file-access", "--title", job.title, "--header-left", job.artist, src, out]
        proc = await asyncio.create_subprocess_exec(*args, stderr=asyncio.subprocess.PIPE)
        try:
            _, err = await asyncio.wait_for(proc.communicate(), RENDER_TIMEOUT)
        except asyncio.TimeoutError:
            proc.kill()
            raise web.HTTPGatewayTimeout(text="render timed out")
        if proc.returncode != 0:
            log.error("wkhtmltopdf failed: %r", err.decode(errors="replace")[:500])
            raise web.HTTPBadGateway(text="render failed")
        with open(out, "rb") as fh:
            return fh.read()


async def render_rider(request: web.Request) -> web.Response:
    body = await request.json()
    job = RenderJob(
        artist=body.get("artist", "Unknown artist"),
        title=body.get("title", "Rider"),
        html=body["html"],
    )
    pdf = await render(job)
    return web.Response(
        body=pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="rider.pdf"'},
    )


def create_app() -> web.Application:
    app = web.Application(client_max_size=5 * 1024 * 1024)
    app.router.add_post("/render/rider", render_rider)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8340)
