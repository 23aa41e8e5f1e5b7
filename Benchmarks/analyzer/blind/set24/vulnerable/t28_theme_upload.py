"""Admin endpoint for installing storefront themes uploaded as .tar.gz bundles."""
import hmac
import os
import shutil
import tarfile
import tempfile

from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
THEMES_DIR = os.environ.get("THEMES_DIR", "/srv/shop/themes")
MAX_BUNDLE = 20 * 1024 * 1024


def require_admin():
    supplied = request.headers.get("X-Admin-Token", "")
    if not hmac.compare_digest(supplied.encode(), os.environ["ADMIN_TOKEN"].encode()):
        abort(403)


class ThemeInstaller:
    def __init__(self, themes_dir):
        self.themes_dir = themes_dir

    def install(self, name, bundle_path):
        staging = tempfile.mkdtemp(prefix="theme-")
        try:
            with tarfile.open(bundle_path, mode="r:gz") as tar:
                tar.extractall(staging)  # VULN flow
            if not os.path.isfile(os.path.join(staging, "theme.json")):
                raise ValueError("bundle has no theme.json")
            target = os.path.join(self.themes_dir, name)
            if os.path.exists(target):
                shutil.rmtree(target)
            shutil.move(staging, target)
            return target
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            raise


@app.route("/admin/themes", methods=["POST"])
def upload_theme():
    require_admin()
    upload = request.files.get("bundle")
    name = secure_filename(request.form.get("name", ""))
    if upload is None or not name:
        abort(400)
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        upload.save(tmp)
        tmp.flush()
        if os.path.getsize(tmp.name) > MAX_BUNDLE:
            abort(413)
        try:
            path = ThemeInstaller(THEMES_DIR).install(name, tmp.name)
        except (tarfile.TarError, ValueError) as exc:
            return jsonify({"error": str(exc)}), 400
    return jsonify({"installed": name, "folder": os.path.basename(path)}), 201
