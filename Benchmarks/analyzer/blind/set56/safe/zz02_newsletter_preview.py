"""Newsletter preview pages and subscription confirmation for the community centre."""
import logging
from html import escape
from urllib.parse import urlparse

from flask import Flask, Response, abort, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("newsletter")

ISSUES = {
    "2024-spring": {
        "title": "Spring at the Eastside Community Centre",
        "paragraphs": [
            "Registration for summer day camp opens April 2.",
            "The pottery studio has new hours on Thursdays.",
        ],
    },
    "2024-summer": {
        "title": "Summer Programs & Pool Schedule",
        "paragraphs": ["The outdoor pool opens June 15 for the season."],
    },
}

PENDING_TOKENS = {}


def render_preview(issue: dict, reader_name: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in issue["paragraphs"])
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<h1>{escape(issue['title'])}</h1>"
        f"<p class='greeting'>Hello {escape(reader_name)},</p>"
        f"{body}"
        "</body></html>"
    )


def is_local_path(target: str) -> bool:
    parts = urlparse(target)
    return (
        not parts.scheme
        and not parts.netloc
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
    )


@app.route("/newsletter/<slug>/preview")
def preview(slug):
    issue = ISSUES.get(slug)
    if issue is None:
        abort(404)
    name = request.args.get("name", "neighbour")
    html = render_preview(issue, name)
    return Response(html, mimetype="text/html")


@app.route("/newsletter/confirm")
def confirm():
    token = request.args.get("token", "")
    email = PENDING_TOKENS.pop(token, None)
    if email is None:
        log.info("unknown confirmation token")
        abort(400)
    log.info("subscription confirmed for %r", email)
    target = request.args.get("next") or ""
    if not is_local_path(target):
        target = url_for("thanks")
    return redirect(target)


@app.route("/newsletter/thanks")
def thanks():
    return "<p>Thanks for subscribing! See you in your inbox.</p>"


if __name__ == "__main__":
    app.run(port=5002)
