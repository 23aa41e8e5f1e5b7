"""Preference and sign-out endpoints for the volunteer portal of a food-bank network."""
import logging
import os

import redis
from bottle import Bottle, abort, redirect, request, response

app = Bottle()
log = logging.getLogger("volunteer_portal")
sessions = redis.Redis.from_url(os.environ["PORTAL_REDIS_URL"])

SUPPORTED_LANGUAGES = {"en", "es", "fr", "pt"}
ONE_YEAR = 365 * 24 * 3600


def return_target(default="/"):
    candidate = request.query.get("return_to") or request.headers.get("Referer")
    return candidate or default


@app.get("/preferences/language")
def switch_language():
    lang = request.query.get("lang", "en")
    if lang not in SUPPORTED_LANGUAGES:
        abort(400, "unsupported language")
    response.set_cookie("lang", lang, path="/", max_age=ONE_YEAR, secure=True, httponly=True, samesite="lax")
    target = return_target()
    redirect(target)  # VULN flow


@app.post("/logout")
def logout():
    session_id = request.get_cookie("vol_session")
    if session_id:
        sessions.delete(f"vol-session:{session_id}")
        log.info("volunteer session ended")
    response.delete_cookie("vol_session", path="/")
    redirect(return_target("/goodbye"), 303)  # VULN flow


@app.get("/goodbye")
def goodbye():
    return "<p>You have been signed out. Thank you for volunteering!</p>"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8070)
