import os
import uuid

from flask import Blueprint, abort, current_app, jsonify, request
from flask_login import current_user, login_required

bp = Blueprint("avatars", __name__)
ALLOWED_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif"}


@bp.route("/avatar", methods=["POST"])
@login_required
def upload_avatar():
    upload = request.files.get("avatar")
    if upload is None:
        abort(400)
    original = os.path.basename(upload.filename or "")
    _, ext = os.path.splitext(original)
    if ext.lower() not in ALLOWED_EXTENSIONS:
        abort(415)
    filename = f"{current_user.id}-{uuid.uuid4().hex}{ext.lower()}"
    dest = os.path.join(current_app.config["AVATAR_DIR"], filename)
    upload.save(dest)
    current_user.avatar = filename
    current_app.extensions["sqlalchemy"].session.commit()
    return jsonify(avatar=filename, original_name=original), 201
