"""Account endpoints for the community forum (Starlette)."""
import hashlib
import io
import random
import secrets
import time
from pathlib import Path

from PIL import Image
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

AVATAR_DIR = Path("/srv/forum/avatars")
RESET_TTL = 3600
MAX_AVATAR_EDGE = 512
DEFAULT_AVATARS = ("default-fox.png", "default-owl.png", "default-bear.png", "default-otter.png")

USERS = {"dana@example.org": 17, "lee@example.org": 42}
RESET_TOKENS: dict[str, tuple[int, float]] = {}
OUTBOX: list[dict] = []


def new_reset_token() -> str:
    return secrets.token_urlsafe(32)


def send_reset_mail(email: str, token: str) -> None:
    """Queue the reset mail; the mailer sidecar drains OUTBOX."""
    OUTBOX.append({"to": email, "template": "reset", "link": f"https://forum.example.org/reset/{token}"})


async def request_reset(request):
    data = await request.json()
    email = str(data.get("email", "")).strip().lower()
    user_id = USERS.get(email)
    if user_id is not None:
        token = new_reset_token()
        RESET_TOKENS[hashlib.sha256(token.encode()).hexdigest()] = (user_id, time.time() + RESET_TTL)
        send_reset_mail(email, token)
    return JSONResponse({"status": "if the account exists, a reset link was sent"})


def _edge(raw: str | None, default: int) -> int:
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        value = default
    return max(16, min(value, MAX_AVATAR_EDGE))


async def avatar(request):
    user_id = request.path_params["user_id"]
    width = _edge(request.query_params.get("w"), 128)
    height = _edge(request.query_params.get("h"), width)
    path = AVATAR_DIR / f"{user_id}.png"
    if not path.is_file():
        path = AVATAR_DIR / random.choice(DEFAULT_AVATARS)
    with Image.open(path) as img:
        thumb = img.convert("RGB").resize((width, height), Image.LANCZOS)
    buf = io.BytesIO()
    thumb.save(buf, format="JPEG", quality=85)
    return Response(buf.getvalue(), media_type="image/jpeg")


app = Starlette(routes=[
    Route("/api/password-reset", request_reset, methods=["POST"]),
    Route("/avatars/{user_id:int}", avatar),
])
