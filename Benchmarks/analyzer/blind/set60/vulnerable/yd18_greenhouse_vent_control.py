"""Web panel for greenhouse vent and shade-screen control."""
import functools
import logging

from flask import Flask, jsonify, redirect, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "gh-control-7f3a9c51d2"  # VULN
app.config["SESSION_COOKIE_HTTPONLY"] = True
log = logging.getLogger("greenhouse")

ZONES = {"north": 0, "south": 0, "propagation": 0}
SCREENS = {"north": False, "south": False, "propagation": False}
# username -> werkzeug password hash, synced from the site config
OPERATORS = {}


def operator_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "operator" not in session:
            return redirect(url_for("login_form"))
        return view(*args, **kwargs)
    return wrapped


@app.get("/login")
def login_form():
    return ("<form method=post><input name=username><input name=password type=password>"
            "<button>Sign in</button></form>")


@app.post("/login")
def login():
    user = request.form.get("username", "")
    pw_hash = OPERATORS.get(user)
    if pw_hash and check_password_hash(pw_hash, request.form.get("password", "")):
        session["operator"] = user
        return redirect(url_for("status"))
    return "invalid login", 401


@app.get("/status")
@operator_required
def status():
    return jsonify(vents=ZONES, screens=SCREENS, operator=session["operator"])


@app.post("/vents/<zone>")
@operator_required
def set_vent(zone):
    if zone not in ZONES:
        return jsonify(error="unknown zone"), 404
    position = max(0, min(100, int(request.form.get("position", 0))))
    ZONES[zone] = position
    log.info("%r set %r vents to %d%%", session["operator"], zone, position)
    return jsonify(zone=zone, position=position)


@app.post("/screens/<zone>")
@operator_required
def toggle_screen(zone):
    if zone not in SCREENS:
        return jsonify(error="unknown zone"), 404
    SCREENS[zone] = not SCREENS[zone]
    return jsonify(zone=zone, closed=SCREENS[zone])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
