import hashlib
import os
import uuid

from flask import Flask, abort, redirect, render_template_string, request, send_from_directory, url_for
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024

GALLERY_ROOT = os.environ.get("GALLERY_ROOT", "/srv/gallery")
PUBLIC_DIR = os.path.join(GALLERY_ROOT, "public")
THUMB_DIR = os.path.join(GALLERY_ROOT, "thumbs")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
VARIANTS = {"full": PUBLIC_DIR, "thumb": THUMB_DIR}

INDEX = """
<h1>Gallery</h1>
<ul>
{% for p in photos %}
  <li><a href="{{ url_for('download', file=p) }}">{{ p }}</a></li>
{% endfor %}
</ul>
"""


@app.route("/")
def index():
    photos = sorted(os.listdir(PUBLIC_DIR))
    return render_template_string(INDEX, photos=photos)


@app.route("/download")
def download():
    name = request.args.get("file", "")
    base = VARIANTS.get(request.args.get("size", "full"), PUBLIC_DIR)
    if os.path.splitext(name)[1].lower() not in ALLOWED_EXT:
        abort(404)
    resp = send_from_directory(base, name)
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


@app.route("/upload", methods=["POST"])
def upload():
    photo = request.files.get("photo")
    if photo is None or not photo.filename:
        abort(400)
    ext = os.path.splitext(secure_filename(photo.filename))[1].lower()
    if ext not in ALLOWED_EXT:
        abort(415)
    data = photo.read()
    digest = hashlib.md5(data).hexdigest()[:8]
    name = f"{uuid.uuid4().hex}-{digest}{ext}"
    with open(os.path.join(PUBLIC_DIR, name), "wb") as fh:
        fh.write(data)
    return redirect(url_for("index"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5002)
