"""Preview server that renders proof page thumbnails for the prepress team."""
import io
import logging
import os
from functools import wraps

from flask import Flask, abort, redirect, request, send_file, session, url_for
from PIL import Image

app = Flask(__name__)
app.config["SECRET_KEY"] = "prepress-preview-2021!"  # VULN
app.config["PROOF_ROOT"] = "/srv/prepress/proofs"
app.config["THUMB_WIDTH"] = 480
log = logging.getLogger("preview")

TEAM_PIN_HASH = os.environ.get("PREVIEW_TEAM_PIN_HASH", "")


def team_only(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("team"):
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    from werkzeug.security import check_password_hash

    if request.method == "POST" and TEAM_PIN_HASH:
        if check_password_hash(TEAM_PIN_HASH, request.form.get("pin", "")):
            session["team"] = True
            return redirect(url_for("index"))
    return '<form method="post"><input name="pin" type="password"><button>Enter</button></form>'


@app.route("/")
@team_only
def index():
    jobs = sorted(os.listdir(app.config["PROOF_ROOT"]))
    return {"jobs": jobs[-200:]}


@app.route("/thumb/<int:job_id>/<int:page>")
@team_only
def thumbnail(job_id, page):
    path = os.path.join(app.config["PROOF_ROOT"], str(job_id), f"page-{page:04d}.png")
    if not os.path.isfile(path):
        abort(404)
    with Image.open(path) as img:
        ratio = app.config["THUMB_WIDTH"] / img.width
        thumb = img.resize((app.config["THUMB_WIDTH"], int(img.height * ratio)))
        buf = io.BytesIO()
        thumb.save(buf, format="PNG", optimize=True)
    buf.seek(0)
    return send_file(buf, mimetype="image/png", max_age=300)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=5050, debug=True)  # VULN
