"""Before/after photo uploads from cleaning crews (aiohttp).

Crews must attach photo evidence for each cleaned area; we store the
original and generate a thumbnail for the customer report.
"""
import asyncio
import logging
import os
import uuid

from aiohttp import web

log = logging.getLogger("photo_upload")
routes = web.RouteTableDef()

UPLOAD_ROOT = "/srv/evidence"
THUMB_SIZE = "480x480"
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".heic"}


class EvidenceStore:
    def __init__(self, root: str):
        self.root = root

    def job_dir(self, job_id: int) -> str:
        path = os.path.join(self.root, str(job_id))
        os.makedirs(path, exist_ok=True)
        return path

    def original_path(self, job_id: int, ext: str) -> str:
        return os.path.join(self.job_dir(job_id), f"{uuid.uuid4().hex}{ext}")

    @staticmethod
    def thumb_path(original: str) -> str:
        stem, _ = os.path.splitext(original)
        return stem + ".thumb.jpg"


store = EvidenceStore(UPLOAD_ROOT)


async def make_thumbnail(src: str, dest: str) -> int:
    args = ["convert", src, "-auto-orient", "-resize", THUMB_SIZE, "-quality", "82", dest]
    proc = await asyncio.create_subprocess_exec(*args)
    return await proc.wait()


@routes.post("/jobs/{job_id:\\d+}/evidence")
async def upload_evidence(request: web.Request):
    job_id = int(request.match_info["job_id"])
    if request.get("crew_id") is None:
        raise web.HTTPUnauthorized()
    reader = await request.multipart()
    saved = []
    async for part in reader:
        if part.name != "photo" or not part.filename:
            continue
        ext = os.path.splitext(part.filename)[1].lower()
        if ext not in ALLOWED_EXT:
            raise web.HTTPBadRequest(text="unsupported file type")
        dest = store.original_path(job_id, ext)
        with open(dest, "wb") as fh:
            while chunk := await part.read_chunk(1 << 16):
                fh.write(chunk)
        thumb = store.thumb_path(dest)
        if await make_thumbnail(dest, thumb) != 0:
            log.warning("thumbnail failed for job %s", job_id)
        saved.append(os.path.basename(dest))
    if not saved:
        raise web.HTTPBadRequest(text="no photos in request")
    return web.json_response({"job": job_id, "saved": saved}, status=201)


def make_app() -> web.Application:
    app = web.Application(client_max_size=25 * 1024 * 1024)
    app.add_routes(routes)
    return app
