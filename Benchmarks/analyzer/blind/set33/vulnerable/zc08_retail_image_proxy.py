"""Product image proxy used by the storefront to resize supplier images."""
import io
import logging

import httpx
from PIL import Image, UnidentifiedImageError
from quart import Quart, abort, request, send_file

app = Quart(__name__)
logger = logging.getLogger("image_proxy")

MAX_BYTES = 5 * 1024 * 1024
SIZES = {"thumb": (160, 160), "card": (480, 480), "zoom": (1200, 1200)}


async def fetch_image(url: str) -> bytes:
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=True) as client:
        response = await client.get(url)  # VULN flow
        response.raise_for_status()
        if len(response.content) > MAX_BYTES:
            abort(413)
        return response.content


def resize(data: bytes, box) -> io.BytesIO:
    with Image.open(io.BytesIO(data)) as img:
        img = img.convert("RGB")
        img.thumbnail(box)
        out = io.BytesIO()
        img.save(out, format="WEBP", quality=82)
    out.seek(0)
    return out


@app.get("/img/<size>")
async def resized(size: str):
    if size not in SIZES:
        abort(404)
    source = request.args.get("src", "")
    if not source.startswith(("http://", "https://")):
        abort(400)
    try:
        data = await fetch_image(source)
    except httpx.HTTPError:
        logger.warning("upstream fetch failed for %r", source)
        abort(502)
    try:
        output = resize(data, SIZES[size])
    except UnidentifiedImageError:
        abort(415)
    response = await send_file(output, mimetype="image/webp")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@app.get("/healthz")
async def healthz():
    return {"ok": True}
