"""Intranet announcements: editors draft and preview posts before publishing."""
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import List

from flask import Flask, abort, render_template_string, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["INTRANET_SECRET_KEY"]

PAGE_HEADER = """<!doctype html>
<html><head><title>Preview</title><link rel="stylesheet" href="/static/intranet.css"></head>
<body><p class="meta">Previewing as {{ user }} &middot; {{ now }}</p>"""
PAGE_FOOTER = "</body></html>"


@dataclass
class Announcement:
    title: str
    body: str
    tags: List[str] = field(default_factory=list)

    @classmethod
    def from_form(cls, form) -> "Announcement":
        tags = [t.strip() for t in form.get("tags", "").split(",") if t.strip()]
        return cls(title=form.get("title", "").strip(), body=form.get("body", ""), tags=tags)


def compose_page(announcement: Announcement) -> str:
    parts = [PAGE_HEADER]
    parts.append(f"<h1>{announcement.title}</h1>")
    for paragraph in announcement.body.split("\n\n"):
        parts.append(f"<p>{paragraph}</p>")
    if announcement.tags:
        parts.append("<ul class='tags'>" + "".join(f"<li>{t}</li>" for t in announcement.tags) + "</ul>")
    parts.append(PAGE_FOOTER)
    return "\n".join(parts)


def editor_name() -> str:
    name = session.get("editor")
    if not name:
        abort(403)
    return name


@app.post("/announcements/preview")
def preview_announcement():
    user = editor_name()
    announcement = Announcement.from_form(request.form)
    if not announcement.title:
        abort(400, description="title is required")
    page = compose_page(announcement)
    return render_template_string(page, user=user, now=datetime.now().strftime("%d %b %Y %H:%M"))  # VULN flow
