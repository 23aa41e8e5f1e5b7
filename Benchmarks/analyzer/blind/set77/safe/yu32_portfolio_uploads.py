"""aiohttp service where freelancers upload portfolio samples (PDFs, images, zips)."""
import logging
import os
import re
import uuid

from aiohttp import web

log = logging.getLogger("portfolio")

PORTFOLIO_ROOT = os.environ.get("PORTFOLIO_ROOT", "/srv/freelance/portfolio")
MAX_FILE = 25 * 1024 * 1024
TOKENS = {}  # bearer token -> freelancer id, filled by the auth sidecar
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def freelancer_dir(freelancer_id: int) -> str:
    path = os.path.join(PORTFOLIO_ROOT, str(freelancer_id))
    os.makedirs(path, exist_ok=True)
    return path


def stored_name(filename: str) -> str:
    base = SAFE_NAME.sub("_", os.path.basename(filename.replace("\\", "/"))).lstrip(".")
    return f"{uuid.uuid4().hex[:8]}-{base or 'sample'}"


async def authenticate(request: web.Request) -> int:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    fid = TOKENS.get(token)
    if fid is None:
        raise web.HTTPUnauthorized()
    return fid


async def upload_sample(request: web.Request) -> web.Response:
    fid = await authenticate(request)
    reader = await request.multipart()
    saved = []
    async for part in reader:
        if part.name != "sample" or not part.filename:
            continue
        folder = os.path.realpath(freelancer_dir(fid))
        dest = os.path.realpath(os.path.join(folder, stored_name(part.filename)))
        if os.path.dirname(dest) != folder:
            raise web.HTTPBadRequest(text="invalid file name")
        size = 0
        with open(dest, "wb") as fh:
            while chunk := await part.read_chunk(256 * 1024):
                size += len(chunk)
                if size > MAX_FILE:
                    fh.close()
                    os.remove(dest)
                    raise web.HTTPRequestEntityTooLarge(max_size=MAX_FILE, actual_size=size)
                fh.write(chunk)
        # the thumbnailer and the public CDN sync share the "portfolio" group
        os.chmod(dest, 0o640)
        saved.append({"name": os.path.basename(dest), "bytes": size})
    if not saved:
        raise web.HTTPBadRequest(text="no sample files in request")
    log.info("freelancer %s uploaded %d samples", fid, len(saved))
    return web.json_response({"saved": saved}, status=201)


async def list_samples(request: web.Request) -> web.Response:
    fid = await authenticate(request)
    folder = freelancer_dir(fid)
    names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    return web.json_response({"samples": names})


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_FILE + 1024 * 1024)
    app.router.add_post("/portfolio/samples", upload_sample)
    app.router.add_get("/portfolio/samples", list_samples)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8095)
