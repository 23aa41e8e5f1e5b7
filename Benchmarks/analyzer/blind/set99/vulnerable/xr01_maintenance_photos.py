"""Photo attachments for maintenance requests (tenant portal)."""
import logging
import mimetypes
import os

from flask import Flask, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.config.from_mapping(
    PHOTO_ROOT=os.environ.get("PHOTO_ROOT", "/srv/portal/maintenance_photos"),
    SECRET_KEY=os.environ.get("PORTAL_SECRET_KEY"),
)
log = logging.getLogger("portal.photos")


def request_folder(request_id: int) -> str:
    return os.path.join(app.config["PHOTO_ROOT"], f"req_{request_id:06d}")


def tenant_owns_request(tenant_id: int, request_id: int) -> bool:
    # TODO: move to the maintenance service client
    from portal.models import MaintenanceRequest

    return (
        MaintenanceRequest.query.filter_by(id=request_id, tenant_id=tenant_id).count()
        > 0
    )


def locate_photo(request_id: int, name: str) -> str:
    folder = request_folder(request_id)
    return os.path.join(folder, name)


@app.get("/maintenance/<int:request_id>/photos")
def list_photos(request_id):
    tenant_id = session.get("tenant_id")
    if tenant_id is None or not tenant_owns_request(tenant_id, request_id):
        abort(403)
    folder = request_folder(request_id)
    if not os.path.isdir(folder):
        return jsonify([])
    names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    return jsonify(names)


@app.get("/maintenance/<int:request_id>/photo")
def get_photo(request_id):
    tenant_id = session.get("tenant_id")
    if tenant_id is None or not tenant_owns_request(tenant_id, request_id):
        abort(403)
    name = request.args.get("name", "")
    if not name:
        abort(400)
    path = locate_photo(request_id, name)
    if not os.path.isfile(path):
        log.info("photo not found for request %s", request_id)
        abort(404)
    mime, _ = mimetypes.guess_type(path)
    return send_file(path, mimetype=mime or "application/octet-stream")  # VULN flow


@app.delete("/maintenance/<int:request_id>/photos")
def clear_photos(request_id):
    tenant_id = session.get("tenant_id")
    if tenant_id is None or not tenant_owns_request(tenant_id, request_id):
        abort(403)
    folder = request_folder(request_id)
    removed = 0
    for entry in os.scandir(folder) if os.path.isdir(folder) else []:
        if entry.is_file():
            os.unlink(entry.path)
            removed += 1
    log.info("tenant %s cleared %d photos on request %s", tenant_id, removed, request_id)
    return jsonify(removed=removed)
