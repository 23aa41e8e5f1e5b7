"""Login / logout routes for the customer portal (FastAPI)."""
import logging
from typing import Optional
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from .auth import SessionStore, authenticate, get_session_store

router = APIRouter()
logger = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard"


def local_path_or_default(candidate: Optional[str], default: str = DEFAULT_LANDING) -> str:
    if not candidate:
        return default
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc or not candidate.startswith("/") or candidate.startswith("//") \
            or "\\" in candidate or any(ord(ch) < 0x20 for ch in candidate):
        return default
    return candidate


class LoginAttempt:
    def __init__(self, username: str, password: str, next_url: Optional[str]):
        self.username = username
        self.password = password
        self.next_url = next_url or DEFAULT_LANDING


def post_login_target(attempt: LoginAttempt, request: Request) -> str:
    # the SPA passes the page it bounced from either as a form field or ?next=
    raw = attempt.next_url or request.query_params.get("next") or DEFAULT_LANDING
    return local_path_or_default(raw)


@router.post("/login")
async def login(
    request: Request,
    username: str = Form(...),
    password: str = Form(...),
    next: Optional[str] = Form(None),
    sessions: SessionStore = Depends(get_session_store),
):
    attempt = LoginAttempt(username, password, next)
    user = await authenticate(attempt.username, attempt.password)
    if user is None:
        logger.warning("failed login for %r from %s", attempt.username, request.client.host)
        raise HTTPException(status_code=401, detail="invalid credentials")

    session_id = await sessions.create(user.id)
    target = post_login_target(attempt, request)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("portal_session", session_id, httponly=True, secure=True, samesite="lax")
    logger.info("user id=%s logged in", user.id)
    return response


@router.get("/logout")
async def logout(request: Request, sessions: SessionStore = Depends(get_session_store)):
    session_id = request.cookies.get("portal_session")
    if session_id:
        await sessions.revoke(session_id)
    response = RedirectResponse(local_path_or_default(request.query_params.get("return_to"), "/"), status_code=303)
    response.delete_cookie("portal_session")
    return response
