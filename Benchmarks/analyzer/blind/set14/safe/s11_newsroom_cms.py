"""Article preview and editor login flow for the newsroom CMS."""
import logging
import os
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, request, session, url_for
from jinja2 import Environment, FileSystemLoader, select_autoescape

from cms.auth import check_editor_credentials, editor_required
from cms.repository import ArticleRepository

bp = Blueprint("newsroom", __name__)
log = logging.getLogger("cms.newsroom")

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
jinja_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "xml"]))
articles = ArticleRepository()


def render(name, **context):
    return jinja_env.get_template(name).render(**context)


def local_target(target, fallback):
    """Only allow redirects to paths on this site."""
    if not target or any(ord(ch) < 33 for ch in target) or "\\" in target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


@bp.route("/dashboard")
@editor_required
def dashboard():
    drafts = articles.drafts_for(session["editor_id"])
    return render("dashboard.html", drafts=drafts)


@bp.route("/preview/<slug>")
@editor_required
def preview(slug):
    article = articles.get_draft(slug)
    if article is None:
        abort(404)
    highlight = request.args.get("highlight", "")
    return render("preview.html", article=article, highlight=highlight, comments=articles.comments(slug))


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = local_target(request.values.get("next"), url_for("newsroom.dashboard"))
    if request.method == "GET":
        return render("login.html", next_url=next_url)
    user = check_editor_credentials(request.form.get("email", ""), request.form.get("password", ""))
    if user is None:
        log.info("failed editor login attempt")
        return render("login.html", next_url=next_url, error="Invalid email or password"), 401
    session.clear()
    session["editor_id"] = user.id
    log.info("editor %s logged in", user.id)
    return redirect(next_url)


@bp.route("/logout")
def logout():
    session.clear()
    return redirect(local_target(request.args.get("next"), "/"))
