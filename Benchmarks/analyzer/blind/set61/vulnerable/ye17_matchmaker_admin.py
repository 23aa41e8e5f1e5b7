"""Back-office app for the matchmaking team: review flagged profiles, ban, unban."""
import logging
import os
from functools import wraps

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for

SECRET_KEY = "mm-admin-2f9c1b7e4d0a"  # VULN

app = Flask(__name__)
app.config.update(
    SECRET_KEY=SECRET_KEY,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    DATABASE_URL=os.environ.get("MM_DATABASE_URL", "postgresql://mm@db/matchmaker"),
)
log = logging.getLogger("mm_admin")


def get_repo():
    if "repo" not in g:
        from matchmaker.repo import ProfileRepo  # local package
        g.repo = ProfileRepo(app.config["DATABASE_URL"])
    return g.repo


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff_id"):
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        staff = get_repo().check_staff(request.form["email"], request.form["password"])
        if staff:
            session.clear()
            session["staff_id"] = staff.id
            return redirect(url_for("flagged"))
        flash("Wrong email or password")
    return render_template("login.html")


@app.route("/flagged")
@staff_required
def flagged():
    profiles = get_repo().flagged_profiles(limit=50)
    return render_template("flagged.html", profiles=profiles)


@app.route("/profiles/<int:profile_id>/ban", methods=["POST"])
@staff_required
def ban(profile_id):
    reason = request.form.get("reason", "").strip()
    if not reason:
        abort(400)
    get_repo().ban(profile_id, reason=reason, staff_id=session["staff_id"])
    log.info("profile %d banned by staff %s", profile_id, session["staff_id"])
    return redirect(url_for("flagged"))


@app.route("/profiles/<int:profile_id>/unban", methods=["POST"])
@staff_required
def unban(profile_id):
    get_repo().unban(profile_id, staff_id=session["staff_id"])
    return redirect(url_for("flagged"))


@app.teardown_appcontext
def close_repo(exc):
    repo = g.pop("repo", None)
    if repo is not None:
        repo.close()


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5050, debug=True)  # VULN
