"""Mod repository: pull a mod's changelog from the author's hosting and cache it."""
import logging
import sqlite3
import urllib.request
from dataclasses import dataclass

import markdown
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("modrepo.changelog")

DB_PATH = "/var/lib/modrepo/mods.db"
MAX_CHANGELOG = 256 * 1024


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


@dataclass
class ChangelogSource:
    mod_id: int
    url: str

    def fetch(self) -> str:
        req = urllib.request.Request(self.url, headers={"User-Agent": "modrepo-changelog/1.2"})
        with urllib.request.urlopen(req, timeout=10) as resp:  # VULN flow
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
    if not url.startswith(("http://", "https://")):
        abort(400, "url must be http(s)")
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
        return jsonify(error="fetch failed", detail=str(exc)), 502
    rendered = markdown.markdown(text[:MAX_CHANGELOG], extensions=["extra"])
    db().execute(
        "UPDATE mods SET changelog_raw = ?, changelog_html = ? WHERE id = ?",
        (text, rendered, mod_id),
    )
    db().commit()
    return jsonify(ok=True, preview=text[:400])
