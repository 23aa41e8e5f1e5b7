"""Technician web app: sign-in / sign-out.

The field app opens deep links (e.g. /jobs/1234/photos) and bounces the user
through the login page when the session has expired.
"""
import logging

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from techapp.models import Technician

bp = Blueprint("auth", __name__)
log = logging.getLogger("techapp.auth")


def _remember_destination():
    dest = request.args.get("next")
    if dest:
        session["post_login_dest"] = dest


def _pop_destination() -> str:
    return session.pop("post_login_dest", None) or url_for("jobs.today")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        _remember_destination()
        return render_template("login.html")

    badge = request.form.get("badge", "").strip()
    pin = request.form.get("pin", "")
    tech = Technician.query.filter_by(badge_number=badge, active=True).first()
    if tech is None or not check_password_hash(tech.pin_hash, pin):
        flash("Badge number or PIN incorrect")
        log.info("failed login for badge %r", badge)
        return render_template("login.html"), 401

    dest = _pop_destination()
    session["tech_id"] = tech.id
    session["branch"] = tech.branch_code
    log.info("tech %s signed in", tech.id)
    return redirect(dest)  # VULN flow


@bp.route("/logout")
def logout():
    tech_id = session.pop("tech_id", None)
    session.pop("branch", None)
    if tech_id:
        log.info("tech %s signed out", tech_id)
    return redirect(request.args.get("return_to") or url_for("auth.login"))  # VULN


@bp.route("/switch-branch", methods=["POST"])
def switch_branch():
    if "tech_id" not in session:
        return redirect(url_for("auth.login"))
    tech = Technician.query.get(session["tech_id"])
    code = request.form.get("branch", "")
    if code not in tech.allowed_branches():
        flash("Not allowed")
        return redirect(url_for("jobs.today"))
    session["branch"] = code
    return redirect(url_for("jobs.today"))
