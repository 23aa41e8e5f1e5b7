"""Embeddable public profile card (Tornado), used by the "share my profile" feature."""
import logging

import tornado.ioloop
import tornado.web

log = logging.getLogger("profile_card")

CARD_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/card.css"></head>
<body class="theme-{theme}">
  <div class="card">
    <img class="avatar" src="/avatars/{user_id}.jpg" alt="">
    <h1>{display_name}</h1>
    <p class="bio">{bio}</p>
    <p class="ref">{ref_line}</p>
  </div>
</body></html>"""

THEMES = {"light", "dark", "sunset"}


class ProfileStore:
    def __init__(self):
        self.profiles = {}

    def get(self, handle):
        return self.profiles.get(handle.lower())


class CardHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def _ref_line(self):
        ref = self.get_query_argument("ref", "")
        return f"Shared via {ref}" if ref else ""

    def get(self, handle):
        profile = self.store.get(handle)
        if profile is None or not profile.get("public", False):
            raise tornado.web.HTTPError(404)
        theme = self.get_query_argument("theme", "light")
        if theme not in THEMES:
            theme = "light"
        page = CARD_TEMPLATE.format(
            theme=theme,
            user_id=int(profile["id"]),
            display_name=profile["display_name"],
            bio=profile.get("bio", ""),
            ref_line=self._ref_line(),
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("X-Frame-Options", "ALLOWALL")
        self.write(page)  # VULN flow


class BioHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def put(self, handle):
        # the auth gateway sets this header after validating the session
        if self.request.headers.get("X-Auth-Handle", "").lower() != handle.lower():
            raise tornado.web.HTTPError(403)
        profile = self.store.get(handle)
        if profile is None:
            raise tornado.web.HTTPError(404)
        profile["bio"] = self.get_body_argument("bio", "")[:500]
        self.set_status(204)


def make_app(store=None):
    store = store or ProfileStore()
    return tornado.web.Application([
        (r"/card/([A-Za-z0-9_.]+)", CardHandler, {"store": store}),
        (r"/api/profile/([A-Za-z0-9_.]+)/bio", BioHandler, {"store": store}),
    ])


if __name__ == "__main__":
    make_app().listen(8000, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
