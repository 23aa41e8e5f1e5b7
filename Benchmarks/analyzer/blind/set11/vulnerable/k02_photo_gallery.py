import hashlib
import os

from flask import Flask, abort, redirect, render_template_string, request, send_file, url_for
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024

GALLERY_ROOT = os.environ.get("GALLERY_ROOT", "/srv/gallery")
PUBLIC_DIR = os.path.join(GALLERY_ROOT, "public")
THUMB_DIR = os.path.join(GALLERY_ROOT, "thumbs")

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
    variant = request.args.get("size", "full")
    base = THUMB_DIR if variant == "thumb" else PUBLIC_DIR
    target = os.path.join(base, name)
    if not os.path.isfile(target):
        abort(404)
    with open(target, "rb") as fh:
        etag = hashlib.md5(fh.read()).hexdigest()
    resp = send_file(target)  # VULN flow
    resp.set_etag(etag)
    return resp


@app.route("/upload", methods=["POST"])
def upload():
    photo = request.files.get("photo")
    if photo is None or not photo.filename:
        abort(400)
    name = secure_filename(photo.filename)
    if not name:
        abort(400)
    photo.save(os.path.join(PUBLIC_DIR, name))  # VULN flow
    return redirect(url_for("index"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5002)
