"""Document rendering queue (aiohttp + pandoc).

Clients submit Markdown or reStructuredText plus a callback URL; once the
DOCX is rendered, its location is POSTed back to the callback.
"""
import asyncio
import logging
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("render")

OUTPUT_DIR = "/srv/render/out"
OUTPUT_BASE = "https://docs.lab.example.org/rendered"
INPUT_FORMATS = ("markdown", "rst")
CALLBACK_HOSTS = {"eln.lab.example.org", "lims.internal.example.org", "wiki.lab.example.org"}


@dataclass
class RenderJob:
    doc_name: str
    source: str
    fmt: str
    callback_url: str
    requester: str
    job_id: str = field(default_factory=lambda: uuid.uuid4().hex)


async def render(job: RenderJob) -> str:
    out_path = f"{OUTPUT_DIR}/{job.job_id}.docx"
    proc = await asyncio.create_subprocess_exec(
        "pandoc", "--sandbox", "-f", job.fmt, "-t", "docx", "-o", out_path,
        stdin=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(job.source.encode()), timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace")[:300])
    return f"{OUTPUT_BASE}/{job.job_id}.docx"


def allowed_callback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in CALLBACK_HOSTS and parts.port in (None, 443)


async def notify(session: aiohttp.ClientSession, job: RenderJob, payload: dict) -> int:
    target = job.callback_url
    if not allowed_callback(target):
        raise ValueError("callback host not allowed")
    async with session.post(target, json=payload, timeout=aiohttp.ClientTimeout(total=15),
                            allow_redirects=False) as resp:
        return resp.status


async def worker(app: web.Application):
    queue: asyncio.Queue = app["queue"]
    while True:
        job = await queue.get()
        try:
            location = await render(job)
            payload = {"job_id": job.job_id, "document": job.doc_name, "location": location}
        except Exception as exc:
            payload = {"job_id": job.job_id, "document": job.doc_name, "error": str(exc)}
        log.info("job %s: %r finished for %r", job.job_id, job.doc_name, job.requester)
        try:
            await notify(app["http"], job, payload)
        except (aiohttp.ClientError, ValueError) as exc:
            log.warning("callback for %s failed: %r", job.job_id, exc)
        queue.task_done()


async def submit(request: web.Request) -> web.Response:
    data = await request.json()
    fmt = data.get("format", "markdown")
    if fmt not in INPUT_FORMATS or not allowed_callback(str(data.get("callback_url", ""))):
        raise web.HTTPBadRequest(text="format and an approved callback_url required")
    job = RenderJob(
        doc_name=str(data.get("name", "document")),
        source=str(data.get("source", "")),
        fmt=fmt,
        callback_url=data["callback_url"],
        requester=request.headers.get("X-Requested-By", "anonymous"),
    )
    request.app["queue"].put_nowait(job)
    return web.json_response({"job_id": job.job_id}, status=202)


async def on_startup(app: web.Application):
    app["queue"] = asyncio.Queue(maxsize=100)
    app["http"] = aiohttp.ClientSession()
    app["worker"] = asyncio.create_task(worker(app))


async def on_cleanup(app: web.Application):
    app["worker"].cancel()
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=5 * 1024 * 1024)
    app.router.add_post("/render", submit)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8097)
