"""Reader preferences for the e-textbook viewer (FastAPI).

Preferences live in a cookie so anonymous readers keep their font size,
theme and last position without an account.
"""
import base64
import logging
from dataclasses import dataclass, field
from typing import Optional

import jsonpickle
from fastapi import Cookie, FastAPI, Response
from pydantic import BaseModel

app = FastAPI()
log = logging.getLogger("reader.prefs")
COOKIE_NAME = "reader_prefs"


@dataclass
class ReaderPrefs:
    theme: str = "light"
    font_scale: float = 1.0
    last_book: Optional[str] = None
    last_page: int = 1
    bookmarks: list = field(default_factory=list)


class PrefsUpdate(BaseModel):
    theme: Optional[str] = None
    font_scale: Optional[float] = None
    last_book: Optional[str] = None
    last_page: Optional[int] = None


class PrefsCodec:
    @staticmethod
    def dumps(prefs: ReaderPrefs) -> str:
        return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode()).decode()

    @staticmethod
    def loads(cookie_value: str) -> ReaderPrefs:
        payload = base64.urlsafe_b64decode(cookie_value.encode()).decode()
        prefs = jsonpickle.decode(payload)  # VULN flow
        if not isinstance(prefs, ReaderPrefs):
            raise ValueError("unexpected preference payload")
        return prefs


def current_prefs(raw: Optional[str]) -> ReaderPrefs:
    if not raw:
        return ReaderPrefs()
    try:
        return PrefsCodec.loads(raw)
    except Exception:
        log.debug("discarding unreadable preference cookie")
        return ReaderPrefs()


@app.get("/api/prefs")
def get_prefs(reader_prefs: Optional[str] = Cookie(default=None)):
    prefs = current_prefs(reader_prefs)
    return prefs.__dict__


@app.patch("/api/prefs")
def update_prefs(update: PrefsUpdate, response: Response,
                 reader_prefs: Optional[str] = Cookie(default=None)):
    prefs = current_prefs(reader_prefs)
    for key, value in update.dict(exclude_none=True).items():
        setattr(prefs, key, value)
    prefs.font_scale = max(0.5, min(prefs.font_scale, 3.0))
    response.set_cookie(COOKIE_NAME, PrefsCodec.dumps(prefs), max_age=60 * 60 * 24 * 365,
                        httponly=True, samesite="lax", secure=True)
    return prefs.__dict__


@app.post("/api/prefs/bookmarks")
def add_bookmark(book: str, page: int, response: Response,
                 reader_prefs: Optional[str] = Cookie(default=None)):
    prefs = current_prefs(reader_prefs)
    prefs.bookmarks = (prefs.bookmarks + [{"book": book, "page": page}])[-50:]
    response.set_cookie(COOKIE_NAME, PrefsCodec.dumps(prefs), max_age=60 * 60 * 24 * 365,
                        httponly=True, samesite="lax", secure=True)
    return {"bookmarks": prefs.bookmarks}
