"""Self-service restore browser for file-share snapshots (aiohttp).

Employees can browse the nightly snapshots of their department share and
download an individual file they deleted by mistake.
"""
import logging
import os
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("snapshot_browser")

SNAPSHOT_ROOT = Path(os.environ.get("SNAPSHOT_ROOT", "/srv/snapshots/shares"))
SNAPSHOT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def snapshot_base(request: web.Request) -> Path:
    snapshot = request.match_info["snapshot"]
    if not SNAPSHOT_RE.match(snapshot):
        raise web.HTTPBadRequest(text="invalid snapshot id")
    department = request["user"]["department"]
    return (SNAPSHOT_ROOT / snapshot / department).resolve()


def locate(base: Path, rel: str) -> Path:
    candidate = (base / rel.lstrip("/")).resolve()
    if not candidate.is_relative_to(base):
        raise web.HTTPForbidden(text="path outside snapshot")
    return candidate


async def list_dir(request: web.Request) -> web.Response:
    base = snapshot_base(request)
    target = locate(base, request.query.get("path", ""))
    if not target.is_dir():
        raise web.HTTPNotFound()
    children = sorted(target.iterdir())
    entries = [
        {"name": p.name, "dir": p.is_dir(), "size": p.stat().st_size if p.is_file() else None}
        for p in children
    ]
    return web.json_response({"path": str(target.relative_to(base)), "entries": entries})


async def download_file(request: web.Request) -> web.StreamResponse:
    base = snapshot_base(request)
    rel = request.query.get("path", "")
    target = locate(base, rel)
    if not target.is_file():
        raise web.HTTPNotFound()
    log.info("restore download user=%r snapshot=%s path=%r",
             request["user"]["uid"], request.match_info["snapshot"], rel)
    return web.FileResponse(target, headers={
        "Content-Disposition": f'attachment; filename="{target.name}"'})


@web.middleware
async def auth_middleware(request: web.Request, handler):
    uid = request.headers.get("X-Remote-User")
    dept = request.headers.get("X-Remote-Department")
    if not uid or not dept or not re.fullmatch(r"[a-z0-9-]+", dept):
        raise web.HTTPUnauthorized()
    request["user"] = {"uid": uid, "department": dept}
    return await handler(request)


def make_app() -> web.Application:
    app = web.Application(middlewares=[auth_middleware])
    app.router.add_get("/snapshots/{snapshot}/list", list_dir)
    app.router.add_get("/snapshots/{snapshot}/file", download_file)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8085)
