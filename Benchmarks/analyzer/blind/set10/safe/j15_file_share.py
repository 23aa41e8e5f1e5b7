import os
import re
import uuid

from flask import Flask, request, send_from_directory, jsonify, abort

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
STORE_ROOT = os.environ.get("SHARE_STORE", "/srv/share-store")
ALLOWED_EXTENSIONS = {"pdf", "png", "jpg", "txt", "zip", "csv"}
FILE_ID_RE = re.compile(r"^[0-9a-f]{32}\.[a-z]{3}$")


@app.post("/upload")
def upload():
    f = request.files.get("file")
    if f is None or not f.filename or "." not in f.filename:
        abort(400)
    ext = f.filename.rsplit(".", 1)[1].lower()
    if ext not in ALLOWED_EXTENSIONS:
        abort(415)
    file_id = f"{uuid.uuid4().hex}.{ext}"
    f.save(os.path.join(STORE_ROOT, file_id))
    return jsonify({"id": file_id, "url": f"/download/{file_id}"}), 201


@app.get("/files")
def list_files():
    entries = []
    for name in sorted(os.listdir(STORE_ROOT)):
        if FILE_ID_RE.fullmatch(name):
            entries.append({"id": name, "size": os.path.getsize(os.path.join(STORE_ROOT, name))})
    return jsonify(entries)


@app.get("/download/<file_id>")
def download(file_id):
    if not FILE_ID_RE.fullmatch(file_id):
        abort(404)
    return send_from_directory(
        STORE_ROOT, file_id, as_attachment=True, mimetype="application/octet-stream"
    )


if __name__ == "__main__":
    app.run(port=5010)
