"""Exam proctoring portal: proctor login and exam session tokens (Tornado)."""
import hashlib
import hmac
import json
import logging
import os
import secrets
import string
import time

import tornado.ioloop
import tornado.web

from proctor.store import ProctorStore

log = logging.getLogger("proctor.auth")

SESSION_TTL = 3 * 3600
COOKIE_SECRET = os.environ["PROCTOR_COOKIE_SECRET"]
PBKDF2_ROUNDS = 390_000


def hash_password(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("utf-8"), PBKDF2_ROUNDS).hex()


def new_session_token(length=40):
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


class BaseHandler(tornado.web.RequestHandler):
    @property
    def store(self):
        return self.application.settings["store"]

    def get_current_user(self):
        token = self.get_secure_cookie("proctor_session")
        if not token:
            return None
        return self.store.proctor_for_session(token.decode("ascii"), now=time.time())


class LoginHandler(BaseHandler):
    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400)
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        proctor = self.store.find_proctor(username)
        if proctor is None or not hmac.compare_digest(hash_password(password, proctor["salt"]), proctor["password_hash"]):
            log.info("failed proctor login for %r", username)
            self.set_status(401)
            self.write({"error": "invalid credentials"})
            return
        token = new_session_token()
        self.store.save_session(token, proctor["id"], expires=time.time() + SESSION_TTL)
        self.set_secure_cookie("proctor_session", token, httponly=True, secure=True, samesite="Strict")
        self.write({"proctor": proctor["id"]})


class ExamSessionHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, exam_id):
        exam = self.store.exam_for_proctor(int(exam_id), self.current_user["id"])
        if exam is None:
            raise tornado.web.HTTPError(404)
        self.write({"exam": exam["id"], "candidates": exam["candidates"], "started": exam["started_at"]})


def make_app():
    return tornado.web.Application(
        [(r"/login", LoginHandler), (r"/exams/(\d+)", ExamSessionHandler)],
        cookie_secret=COOKIE_SECRET,
        login_url="/login",
        store=ProctorStore.from_env(),
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
