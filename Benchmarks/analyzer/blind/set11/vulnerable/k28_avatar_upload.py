"""Profile service: avatar upload endpoint."""
import os
import traceback

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

STATIC_DIR = os.environ.get("STATIC_DIR", "/srv/profile/static")
AVATAR_DIR = os.path.join(STATIC_DIR, "avatars")
MAX_AVATAR = 2 * 1024 * 1024


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
        name = "%d_%s" % (int(user_id), os.path.basename(upload.filename))
        dest = os.path.join(AVATAR_DIR, name)
        with open(dest, "wb") as fh:  # VULN flow
            fh.write(data)
        return JSONResponse({"url": f"/static/avatars/{name}"})
    except Exception:
        return JSONResponse({"error": "upload failed", "trace": traceback.format_exc()}, status_code=500)  # VULN


routes = [
    Route("/api/avatar", upload_avatar, methods=["POST"]),
    Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
]
middleware = [Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True)]
app = Starlette(routes=routes, middleware=middleware)
