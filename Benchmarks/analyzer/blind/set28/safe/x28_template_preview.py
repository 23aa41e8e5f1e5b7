"""Marketing e-mail template preview endpoint."""
import functools
import logging
import os
from dataclasses import dataclass
from string import Template

from flask import Flask, abort, jsonify, render_template_string, request, session
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["CAMPAIGNS_SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
)
csrf = CSRFProtect(app)
log = logging.getLogger("campaigns.preview")

MAX_TEMPLATE_LENGTH = 20_000
PREVIEW_WRAPPER = '<div class="preview">{{ content }}</div>'
SAMPLE_CONTEXT = {
    "first_name": "Ada",
    "plan": "Pro",
    "renewal_date": "2024-07-01",
    "unsubscribe_url": "https://mail.example.com/u/sample",
}


@dataclass
class PreviewRequest:
    subject: str
    body: str

    @classmethod
    def from_json(cls, data: dict) -> "PreviewRequest":
        subject = str(data.get("subject", ""))
        body = str(data.get("body", ""))
        if not body or len(subject) > 200 or len(body) > MAX_TEMPLATE_LENGTH:
            raise ValueError("subject or body out of bounds")
        return cls(subject=subject, body=body)


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def render_preview(template_text: str, context: dict) -> str:
    content = Template(template_text).safe_substitute(context)
    return render_template_string(PREVIEW_WRAPPER, content=content)


@app.post("/campaigns/preview")
@login_required
def preview():
    try:
        req = PreviewRequest.from_json(request.get_json(silent=True) or {})
    except ValueError:
        abort(400)
    log.info("user %s previewed a template of %d chars", session["user_id"], len(req.body))
    return jsonify(
        subject=render_preview(req.subject, SAMPLE_CONTEXT),
        body=render_preview(req.body, SAMPLE_CONTEXT),
    )


@app.get("/campaigns/variables")
@login_required
def variables():
    return jsonify(sorted(SAMPLE_CONTEXT))
