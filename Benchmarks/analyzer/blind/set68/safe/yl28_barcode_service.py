"""Barcode image service used by the label designer and e-receipts.

Wraps the ``zint`` CLI: GET /barcodes/{sku}?type=ean13&data=... returns a PNG.
"""
import asyncio
import logging
import os
import uuid

from aiohttp import web

log = logging.getLogger("barcodes")

OUTPUT_DIR = os.environ.get("BARCODE_OUT", "/var/cache/barcodes")
SYMBOLOGIES = {"code128": 20, "ean13": 13, "upca": 34, "qr": 58, "datamatrix": 71}
MAX_DATA_LEN = 256


async def render_barcode(symbology: str, payload: str, out_path: str) -> None:
    code = SYMBOLOGIES[symbology]
    cmd = ["zint", "-b", str(code), "--scale=2", "-o", out_path, "-d", payload]
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace").strip())


async def barcode_handler(request: web.Request) -> web.StreamResponse:
    sku = request.match_info["sku"]
    symbology = request.query.get("type", "code128").lower()
    payload = request.query.get("data") or sku
    if symbology not in SYMBOLOGIES:
        return web.json_response({"error": "unsupported barcode type"}, status=400)
    if len(payload) > MAX_DATA_LEN:
        return web.json_response({"error": "data too long"}, status=400)

    out_path = os.path.join(OUTPUT_DIR, f"{uuid.uuid4().hex}.png")
    try:
        await render_barcode(symbology, payload, out_path)
    except RuntimeError as exc:
        log.warning("zint failed for sku %r: %r", sku, exc)
        return web.json_response({"error": "barcode generation failed"}, status=422)
    return web.FileResponse(out_path, headers={"Content-Type": "image/png", "Cache-Control": "max-age=86400"})


def create_app() -> web.Application:
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    app = web.Application()
    app.router.add_get("/barcodes/{sku}", barcode_handler)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8090)
