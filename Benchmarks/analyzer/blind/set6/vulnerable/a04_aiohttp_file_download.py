import logging
import os

from aiohttp import web

log = logging.getLogger("filebox")
STORAGE_ROOT = os.environ.get("STORAGE_ROOT", "/var/lib/filebox")


def resolve_user_file(user_id, relpath):
    return os.path.join(STORAGE_ROOT, user_id, relpath)


async def download(request):
    user_id = request.get("user_id")
    if user_id is None:
        raise web.HTTPUnauthorized()
    path = resolve_user_file(str(user_id), request.query.get("name", ""))
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    with open(path, "rb") as fh:  # VULN flow
        body = fh.read()
    return web.Response(body=body, content_type="application/octet-stream")


@web.middleware
async def auth_middleware(request, handler):
    token = request.headers.get("Authorization", "")
    sessions = request.app["sessions"]
    if token.startswith("Bearer ") and token[7:] in sessions:
        request["user_id"] = sessions[token[7:]]
    return await handler(request)


def make_app():
    app = web.Application(middlewares=[auth_middleware])
    app["sessions"] = {}
    app.router.add_get("/files", download)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
