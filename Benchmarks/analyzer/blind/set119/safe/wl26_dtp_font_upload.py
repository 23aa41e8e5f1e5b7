"""DTP asset service: clients upload brand fonts used when rendering
translated InDesign/FrameMaker output."""
import logging
import os
import re

from aiohttp import web

FONT_ROOT = os.environ.get("DTP_FONT_ROOT", "/srv/dtp/fonts")
ALLOWED_EXT = (".ttf", ".otf", ".woff", ".woff2")
MAX_FONT_BYTES = 20 * 1024 * 1024
FONT_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,120}$")
log = logging.getLogger("dtp.fonts")


def client_font_dir(client_code: str) -> str:
    root = os.path.realpath(FONT_ROOT)
    path = os.path.realpath(os.path.join(root, client_code))
    if os.path.dirname(path) != root:
        raise web.HTTPBadRequest(text="invalid client code")
    os.makedirs(path, exist_ok=True)
    return path


async def upload_fonts(request: web.Request) -> web.Response:
    client_code = request.match_info["client"]
    if request["account"].client_code != client_code:
        raise web.HTTPForbidden()
    reader = await request.multipart()
    saved = []
    async for part in reader:
        if part.name != "font" or not part.filename:
            continue
        filename = os.path.basename(part.filename.replace("\\", "/"))
        if not FONT_NAME_RE.match(filename) or not filename.lower().endswith(ALLOWED_EXT):
            raise web.HTTPBadRequest(text="unsupported font type")
        dest = os.path.join(client_font_dir(client_code), filename)
        size = 0
        with open(dest, "wb") as fh:
            while chunk := await part.read_chunk(64 * 1024):
                size += len(chunk)
                if size > MAX_FONT_BYTES:
                    raise web.HTTPRequestEntityTooLarge(max_size=MAX_FONT_BYTES, actual_size=size)
                fh.write(chunk)
        saved.append({"name": filename, "bytes": size})
    log.info("client %r uploaded %d font(s)", client_code, len(saved))
    return web.json_response({"saved": saved}, status=201)


async def list_fonts(request: web.Request) -> web.Response:
    client_code = request.match_info["client"]
    if request["account"].client_code != client_code:
        raise web.HTTPForbidden()
    names = sorted(n for n in os.listdir(client_font_dir(client_code)) if n.lower().endswith(ALLOWED_EXT))
    return web.json_response({"fonts": names})


@web.middleware
async def account_middleware(request, handler):
    from dtp.auth import account_for_token  # internal package

    account = await account_for_token(request.headers.get("Authorization", ""))
    if account is None:
        raise web.HTTPUnauthorized()
    request["account"] = account
    return await handler(request)


def create_app() -> web.Application:
    app = web.Application(middlewares=[account_middleware], client_max_size=MAX_FONT_BYTES * 4)
    app.router.add_post("/clients/{client}/fonts", upload_fonts)
    app.router.add_get("/clients/{client}/fonts", list_fonts)
    return app
