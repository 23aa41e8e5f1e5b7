"""Mod repository: pull a mod's changelog from the author's hosting and cache it."""
import logging
import sqlite3
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

import bleach
import markdown
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("modrepo.changelog")

DB_PATH = "/var/lib/modrepo/mods.db"
MAX_CHANGELOG = 256 * 1024
CHANGELOG_HOSTS = {"raw.githubusercontent.com", "gitlab.com", "codeberg.org", "gist.githubusercontent.com"}


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def allowed_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in CHANGELOG_HOSTS and parsed.port in (None, 443)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass
class ChangelogSource:
    mod_id: int
    url: str

    def fetch(self) -> str:
        if not allowed_url(self.url):
            raise ValueError("changelog host not allowed")
        req = urllib.request.Request(self.url, headers={"User-Agent": "modrepo-changelog/1.2"})
        with _opener.open(req, timeout=10) as resp:
            body = resp.read(MAX_CHANGELOG)
        return body.decode("utf-8", errors="replace")


def load_source(mod_id: int) -> ChangelogSource:
    row = db().execute("SELECT changelog_url FROM mods WHERE id = ?", (mod_id,)).fetchone()
    if row is None or not row[0]:
        abort(404)
    return ChangelogSource(mod_id, row[0])


@app.put("/mods/<int:mod_id>/changelog-source")
def set_changelog_source(mod_id: int):
    url = (request.get_json(force=True) or {}).get("url", "").strip()
    if not allowed_url(url):
        abort(400, "changelog must be hosted on a supported https host")
    db().execute("UPDATE mods SET changelog_url = ? WHERE id = ?", (url, mod_id))
    db().commit()
    return jsonify(ok=True)


@app.post("/mods/<int:mod_id>/changelog/refresh")
def refresh_changelog(mod_id: int):
    source = load_source(mod_id)
    try:
        text = source.fetch()
    except Exception as exc:
        log.warning("changelog fetch failed for mod %d: %r", mod_id, exc)
        return jsonify(error="fetch failed"), 502
    rendered = bleach.clean(markdown.markdown(text[:MAX_CHANGELOG], extensions=["extra"]),
                            tags=bleach.sanitizer.ALLOWED_TAGS | {"p", "h2", "h3", "pre", "ul", "li"})
    db().execute(
        "UPDATE mods SET changelog_raw = ?, changelog_html = ? WHERE id = ?",
        (text, rendered, mod_id),
    )
    db().commit()
    return jsonify(ok=True, preview=text[:400])
