"""Fake upload form for the web honeypot.

Whatever an attacker POSTs to /upload.php is kept for later analysis; analysts
pull captures back through /_captures from the management VLAN.
"""
import hashlib
import json
import logging
import os
import time

from aiohttp import web

CAPTURE_DIR = os.environ.get("HP_CAPTURE_DIR", "/srv/honeypot/captures")
MAX_UPLOAD = 20 * 1024 * 1024

log = logging.getLogger("hp.upload")


def capture_path(name: str) -> str:
    root = os.path.realpath(CAPTURE_DIR)
    path = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, path]) != root:
        raise web.HTTPNotFound()
    return path


async def handle_upload(request: web.Request) -> web.Response:
    reader = await request.multipart()
    saved = []
    async for part in reader:
        if part.filename is None:
            continue
        body = await part.read(decode=False)
        if len(body) > MAX_UPLOAD:
            body = body[:MAX_UPLOAD]
        digest = hashlib.sha256(body).hexdigest()
        dest = capture_path(digest + ".bin")
        with open(dest, "wb") as fh:
            fh.write(body)
        meta = {
            "peer": request.remote,
            "ua": request.headers.get("User-Agent", ""),
            "original_name": part.filename,
            "sha256": digest,
            "size": len(body),
            "ts": time.time(),
        }
        with open(os.path.join(CAPTURE_DIR, digest + ".json"), "w") as fh:
            json.dump(meta, fh)
        saved.append(digest)
        log.info("captured upload sha256=%s size=%d", digest, len(body))
    # look like a sloppy PHP app so the bot keeps going
    return web.Response(text="<html><body>File uploaded OK</body></html>", content_type="text/html")


async def fetch_capture(request: web.Request) -> web.StreamResponse:
    name = request.query.get("name", "")
    path = capture_path(name)
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    return web.FileResponse(path)


async def list_captures(request: web.Request) -> web.Response:
    entries = sorted(f for f in os.listdir(CAPTURE_DIR) if f.endswith(".json"))
    return web.json_response({"captures": entries[-200:]})


def build_app() -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD + 1024)
    app.router.add_post("/upload.php", handle_upload)
    app.router.add_get("/_captures", list_captures)
    app.router.add_get("/_captures/file", fetch_capture)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    os.makedirs(CAPTURE_DIR, exist_ok=True)
    web.run_app(build_app(), host="0.0.0.0", port=8080)
