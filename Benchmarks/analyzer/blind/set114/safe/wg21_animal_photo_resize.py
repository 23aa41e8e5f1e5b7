"""aiohttp service that accepts animal ID photos from keepers' phones and
produces thumbnails for the animal records system."""
import asyncio
import logging
import os
import re
import uuid

from aiohttp import web

log = logging.getLogger("photo_service")

PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/zoo/animal-photos")
DEFAULT_SIZE = "320x320"
SIZE_RE = re.compile(r"^\d{2,4}x\d{2,4}$")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".heic"}


async def make_thumbnail(src: str, size: str) -> str:
    base, ext = os.path.splitext(src)
    dest = f"{base}.thumb{ext or '.jpg'}"
    proc = await asyncio.create_subprocess_exec(
        "convert", src, "-auto-orient", "-resize", size, dest,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace"))
    return dest


async def save_upload(field, animal_id: str) -> str:
    folder = os.path.join(PHOTO_ROOT, animal_id)
    os.makedirs(folder, exist_ok=True)
    ext = os.path.splitext(field.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        raise web.HTTPBadRequest(text="unsupported image type")
    dest = os.path.join(folder, f"{uuid.uuid4().hex}{ext}")
    with open(dest, "wb") as out:
        while True:
            chunk = await field.read_chunk(64 * 1024)
            if not chunk:
                break
            out.write(chunk)
    return dest


async def upload_photo(request: web.Request) -> web.Response:
    animal_id = request.match_info["animal_id"]
    if not animal_id.isalnum():
        raise web.HTTPBadRequest(text="bad animal id")
    size = request.query.get("size", DEFAULT_SIZE)
    if not SIZE_RE.match(size):
        raise web.HTTPBadRequest(text="size must look like 320x320")
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "photo" or not field.filename:
        raise web.HTTPBadRequest(text="expected a 'photo' file field")
    original = await save_upload(field, animal_id)
    try:
        thumb = await make_thumbnail(original, size)
    except RuntimeError as exc:
        log.error("thumbnail failed for %r: %s", original, exc)
        raise web.HTTPUnprocessableEntity(text="could not process image")
    return web.json_response(
        {"original": os.path.relpath(original, PHOTO_ROOT), "thumbnail": os.path.relpath(thumb, PHOTO_ROOT)},
        status=201,
    )


def make_app() -> web.Application:
    app = web.Application(client_max_size=20 * 1024 * 1024)
    app.router.add_post("/animals/{animal_id}/photos", upload_photo)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8085)
