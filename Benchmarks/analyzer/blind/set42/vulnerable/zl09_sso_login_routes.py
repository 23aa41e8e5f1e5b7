"""Login / logout routes for the customer portal (FastAPI)."""
import logging
from typing import Optional

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from .auth import SessionStore, authenticate, get_session_store

router = APIRouter()
logger = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard"


class LoginAttempt:
    def __init__(self, username: str, password: str, next_url: Optional[str]):
        self.username = username
        self.password = password
        self.next_url = next_url or DEFAULT_LANDING


def post_login_target(attempt: LoginAttempt, request: Request) -> str:
    # the SPA passes the page it bounced from either as a form field or ?next=
    return attempt.next_url or request.query_params.get("next") or DEFAULT_LANDING


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
        logger.warning(f"failed login for {attempt.username} from {request.client.host}")  # VULN flow
        raise HTTPException(status_code=401, detail="invalid credentials")

    session_id = await sessions.create(user.id)
    target = post_login_target(attempt, request)
    response = RedirectResponse(target, status_code=303)  # VULN flow
    response.set_cookie("portal_session", session_id, httponly=True, secure=True, samesite="lax")
    logger.info("user id=%s logged in", user.id)
    return response


@router.get("/logout")
async def logout(request: Request, sessions: SessionStore = Depends(get_session_store)):
    session_id = request.cookies.get("portal_session")
    if session_id:
        await sessions.revoke(session_id)
    response = RedirectResponse(request.query_params.get("return_to", "/"), status_code=303)  # VULN
    response.delete_cookie("portal_session")
    return response
