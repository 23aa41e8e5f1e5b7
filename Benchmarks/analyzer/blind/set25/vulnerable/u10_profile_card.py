"""Profile card preview for the account settings page."""
import logging
from dataclasses import dataclass

from flask import Flask, Response, request

app = Flask(__name__)
log = logging.getLogger("accounts.cards")

THEMES = {"light": "#ffffff", "dark": "#1e1e1e", "sand": "#f4ecd8"}


@dataclass
class ProfileCard:
    display_name: str
    headline: str
    location: str
    theme: str = "light"

    @classmethod
    def from_form(cls, form):
        theme = form.get("theme", "light")
        return cls(
            display_name=form.get("display_name", "").strip()[:80],
            headline=form.get("headline", "").strip()[:160],
            location=form.get("location", "").strip()[:80],
            theme=theme if theme in THEMES else "light",
        )


def render_card(card):
    background = THEMES[card.theme]
    parts = [f'<div class="card" style="background:{background}">']
    parts.append(f"<h2>{card.display_name}</h2>")
    if card.headline:
        parts.append(f'<p class="headline">{card.headline}</p>')
    if card.location:
        parts.append(f'<p class="location">{card.location}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def page(body):
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<link rel='stylesheet' href='/static/cards.css'></head>"
        f"<body>{body}</body></html>"
    )


@app.route("/settings/card/preview", methods=["POST"])
def preview_card():
    card = ProfileCard.from_form(request.form)
    html = page(render_card(card))
    return Response(html, mimetype="text/html")  # VULN flow


@app.route("/settings/card/themes")
def list_themes():
    return {"themes": sorted(THEMES)}
