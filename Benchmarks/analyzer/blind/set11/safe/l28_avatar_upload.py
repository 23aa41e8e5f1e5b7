"""Profile service: avatar upload endpoint."""
import logging
import os
import uuid

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

STATIC_DIR = os.environ.get("STATIC_DIR", "/srv/profile/static")
AVATAR_DIR = os.path.join(STATIC_DIR, "avatars")
MAX_AVATAR = 2 * 1024 * 1024
SIGNATURES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}
log = logging.getLogger("profile")


def image_extension(data):
    for magic, ext in SIGNATURES.items():
        if data.startswith(magic):
            return ext
    return None


async def upload_avatar(request):
    user_id = request.session.get("user_id")
    if not user_id:
        return JSONResponse({"error": "login required"}, status_code=401)
    try:
        form = await request.form()
        upload = form["avatar"]
        data = await upload.read()
        if len(data) > MAX_AVATAR:
            return JSONResponse({"error": "file too large"}, status_code=413)
        ext = image_extension(data)
        if ext is None:
            return JSONResponse({"error": "avatar must be a PNG or JPEG image"}, status_code=415)
        name = "%d_%s%s" % (int(user_id), uuid.uuid4().hex, ext)
        with open(os.path.join(AVATAR_DIR, name), "wb") as fh:
            fh.write(data)
        return JSONResponse({"url": f"/static/avatars/{name}"})
    except Exception:
        log.exception("avatar upload failed for user %s", user_id)
        return JSONResponse({"error": "upload failed"}, status_code=500)


routes = [
    Route("/api/avatar", upload_avatar, methods=["POST"]),
    Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
]
middleware = [Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True)]
app = Starlette(routes=routes, middleware=middleware)
