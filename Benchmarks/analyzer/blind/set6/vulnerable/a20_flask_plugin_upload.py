import os
import shutil
import tarfile
import tempfile

from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
PLUGINS_DIR = os.environ.get("PLUGINS_DIR", "/opt/app/plugins")


def install_plugin(archive_path, plugins_dir):
    with tarfile.open(archive_path, "r:*") as tar:
        names = tar.getnames()
        tar.extractall(plugins_dir)  # VULN flow
    return names


@app.route("/admin/plugins", methods=["POST"])
def upload_plugin():
    upload = request.files.get("plugin")
    if upload is None or not upload.filename.endswith((".tar.gz", ".tgz")):
        abort(400, "expected a .tar.gz plugin bundle")
    tmpdir = tempfile.mkdtemp()
    try:
        archive = os.path.join(tmpdir, secure_filename(upload.filename))
        upload.save(archive)
        names = install_plugin(archive, PLUGINS_DIR)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return jsonify(installed=len(names), files=names[:20])


@app.route("/admin/plugins")
def list_plugins():
    return jsonify(sorted(os.listdir(PLUGINS_DIR)))
