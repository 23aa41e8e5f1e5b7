"""Tornado front end for the fantasy football draft room."""
import json
import os
from dataclasses import asdict, dataclass, field
from typing import List, Optional

import tornado.ioloop
import tornado.web

from accounts import AccountStore

MAX_QUEUE = 50


@dataclass
class DraftSession:
    manager_id: int
    league_id: int
    queue: List[int] = field(default_factory=list)
    autopick: bool = False


def encode_session(session: DraftSession) -> str:
    return json.dumps(asdict(session), separators=(",", ":"))


def decode_session(raw: bytes) -> DraftSession:
    data = json.loads(raw)
    return DraftSession(
        manager_id=int(data["manager_id"]),
        league_id=int(data["league_id"]),
        queue=[int(p) for p in data.get("queue", [])][:MAX_QUEUE],
        autopick=bool(data.get("autopick", False)),
    )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self) -> Optional[DraftSession]:
        raw = self.get_signed_cookie("draft_session", max_age_days=1)
        if not raw:
            return None
        try:
            return decode_session(raw)
        except (ValueError, KeyError, TypeError):
            return None

    def save_session(self, session: DraftSession) -> None:
        self.set_signed_cookie("draft_session", encode_session(session), httponly=True, secure=True, samesite="Lax")


class LoginHandler(BaseHandler):
    def get(self):
        self.render("login.html", error=None)

    def post(self):
        accounts: AccountStore = self.settings["accounts"]
        manager = accounts.authenticate(self.get_body_argument("email"), self.get_body_argument("password"))
        if manager is None:
            self.set_status(401)
            self.render("login.html", error="Unknown email or wrong password.")
            return
        self.save_session(DraftSession(manager_id=manager.id, league_id=manager.league_id))
        self.redirect("/draft/queue")


class QueueHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.write({"queue": self.current_user.queue, "autopick": self.current_user.autopick})

    @tornado.web.authenticated
    def post(self):
        body = json.loads(self.request.body or b"{}")
        session = self.current_user
        session.queue = [int(p) for p in body.get("queue", [])][:MAX_QUEUE]
        session.autopick = bool(body.get("autopick", False))
        self.save_session(session)
        self.write({"queue": session.queue, "autopick": session.autopick})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/login", LoginHandler), (r"/draft/queue", QueueHandler)],
        cookie_secret=os.environ["DRAFT_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
        accounts=AccountStore.from_env(),
    )


if __name__ == "__main__":
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
