import os

from flask import Flask, request, send_file, jsonify, abort
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
SHARE_ROOT = "/var/www/html/share"
PUBLIC_BASE = "https://files.example.com/share/"


@app.post("/upload")
def upload():
    f = request.files.get("file")
    if f is None or not f.filename:
        abort(400)
    name = secure_filename(f.filename)
    if not name:
        abort(400)
    f.save(os.path.join(SHARE_ROOT, name))  # VULN flow
    return jsonify({"name": name, "url": PUBLIC_BASE + name}), 201


@app.get("/files")
def list_files():
    entries = []
    for name in sorted(os.listdir(SHARE_ROOT)):
        full = os.path.join(SHARE_ROOT, name)
        if os.path.isfile(full):
            entries.append({"name": name, "size": os.path.getsize(full)})
    return jsonify(entries)


@app.get("/download")
def download():
    if not request.args.get("name"):
        abort(400)
    return send_file(os.path.join(SHARE_ROOT, request.args["name"]), as_attachment=True)  # VULN


if __name__ == "__main__":
    app.run(port=5010)
