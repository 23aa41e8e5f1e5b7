"""Agent login for the call-centre console."""
import hashlib
import json
import logging
import os

import tornado.ioloop
import tornado.web

audit = logging.getLogger("console.audit")

AGENTS_FILE = os.environ.get("AGENTS_FILE", "/etc/console/agents.json")


def load_agents(path):
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    return {r["username"]: r for r in records}


def hash_password(password, salt):
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def check_credentials(agents, username, password):
    agent = agents.get(username)
    if agent is None:
        return None
    if hash_password(password, agent["salt"]) != agent["pw_hash"]:
        return None
    return agent


class LoginHandler(tornado.web.RequestHandler):
    def initialize(self, agents):
        self.agents = agents

    def post(self):
        username = self.get_body_argument("username", "")
        password = self.get_body_argument("password", "")
        ip = self.request.remote_ip
        agent = check_credentials(self.agents, username, password)
        if agent is None:
            audit.warning("login failed user=%s ip=%s", username, ip)  # VULN flow
            self.set_status(401)
            self.write({"error": "invalid credentials"})
            return
        self.set_secure_cookie("agent", username, httponly=True, secure=True)
        audit.info("login ok user=%r ip=%s team=%r", username, ip, agent.get("team"))
        self.write({"ok": True, "team": agent.get("team"), "extension": agent.get("extension")})


class LogoutHandler(tornado.web.RequestHandler):
    def post(self):
        agent = self.get_secure_cookie("agent")
        self.clear_cookie("agent")
        audit.info("logout user=%r", agent)
        self.write({"ok": True})


def make_app():
    agents = load_agents(AGENTS_FILE)
    return tornado.web.Application(
        [
            (r"/login", LoginHandler, {"agents": agents}),
            (r"/logout", LogoutHandler),
        ],
        cookie_secret=os.environ["CONSOLE_COOKIE_SECRET"],
    )


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
