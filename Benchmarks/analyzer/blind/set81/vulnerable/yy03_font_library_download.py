"""Font library: serve licensed font files and licence texts to subscribers."""
import logging
import mimetypes
import os

from flask import Flask, Response, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["FONTLIB_SECRET"]
log = logging.getLogger("fontlib")

mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("font/otf", ".otf")


class FontLibrary:
    def __init__(self, root):
        self.root = root

    def family_dir(self, family):
        return os.path.join(self.root, family)

    def resolve(self, family, filename):
        return os.path.join(self.family_dir(family), filename)

    def families(self):
        return sorted(
            d for d in os.listdir(self.root)
            if os.path.isdir(os.path.join(self.root, d))
        )

    def styles(self, family):
        folder = self.resolve(family, "")
        return sorted(f for f in os.listdir(folder) if not f.startswith("."))


library = FontLibrary(os.environ.get("FONTLIB_ROOT", "/srv/fontlib/families"))


def require_subscriber():
    if not session.get("subscriber_id"):
        abort(401)


@app.route("/fonts")
def list_families():
    return jsonify(families=library.families())


@app.route("/fonts/download")
def download_font():
    require_subscriber()
    family = request.args.get("family", "")
    filename = request.args.get("file", "")
    if not family or not filename:
        abort(400)
    path = library.resolve(family, filename)
    if not os.path.isfile(path):
        abort(404)
    mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    log.info("subscriber %s downloaded %r", session["subscriber_id"], path)
    return send_file(path, mimetype=mimetype, as_attachment=True)  # VULN flow


@app.route("/fonts/licence")
def licence_text():
    family = request.args.get("family", "")
    doc = request.args.get("doc", "OFL.txt")
    path = library.resolve(family, doc)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:  # VULN flow
            text = fh.read()
    except (FileNotFoundError, IsADirectoryError):
        abort(404)
    return Response(text, mimetype="text/plain")
