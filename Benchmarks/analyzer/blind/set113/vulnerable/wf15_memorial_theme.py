"""Memorial page theme upload (Falcon).

Design staff export themes from the page builder as YAML; families can also pick
a preset and tweak it in the portal, which PUTs the edited YAML back here.
"""
import json
import logging
import sqlite3

import falcon
import yaml

log = logging.getLogger("memorial_theme")

MAX_THEME_BYTES = 64 * 1024
ALLOWED_KEYS = {"palette", "font", "hero_image", "music", "layout", "show_guestbook"}
DB_PATH = "/var/lib/memorials/themes.db"


class ThemeStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def save(self, memorial_id: int, theme: dict) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO memorial_themes (memorial_id, theme_json) VALUES (?, ?)",
                (memorial_id, json.dumps(theme)),
            )

    def load(self, memorial_id: int):
        row = self.conn.execute(
            "SELECT theme_json FROM memorial_themes WHERE memorial_id = ?", (memorial_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None


class ThemeResource:
    def __init__(self, store: ThemeStore):
        self.store = store

    def on_get(self, req, resp, memorial_id: int):
        theme = self.store.load(memorial_id)
        if theme is None:
            raise falcon.HTTPNotFound()
        resp.media = theme

    def on_put(self, req, resp, memorial_id: int):
        if not req.context.get("portal_account"):
            raise falcon.HTTPUnauthorized(title="Sign in required")
        raw = req.bounded_stream.read(MAX_THEME_BYTES).decode("utf-8", errors="replace")
        try:
            theme = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
        except yaml.YAMLError as exc:
            raise falcon.HTTPBadRequest(title="Invalid theme", description=str(exc))
        if not isinstance(theme, dict):
            raise falcon.HTTPBadRequest(title="Invalid theme", description="expected a mapping")
        unknown = set(theme) - ALLOWED_KEYS
        if unknown:
            raise falcon.HTTPBadRequest(title="Invalid theme",
                                        description=f"unknown keys: {sorted(unknown)}")
        self.store.save(memorial_id, theme)
        log.info("theme updated for memorial %d", memorial_id)
        resp.status = falcon.HTTP_204


class PortalAuth:
    def process_request(self, req, resp):
        req.context["portal_account"] = req.get_header("X-Portal-Account")


app = falcon.App(middleware=[PortalAuth()])
app.add_route("/memorials/{memorial_id:int}/theme", ThemeResource(ThemeStore(DB_PATH)))
