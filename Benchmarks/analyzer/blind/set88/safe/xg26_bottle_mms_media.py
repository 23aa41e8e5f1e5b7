"""MMS media store for the carrier gateway (Bottle).

Carriers POST inbound MMS parts here; the SMS app later fetches them by URL.
"""
import hmac
import logging
import os
import time
import uuid

from bottle import Bottle, HTTPError, request, static_file

MEDIA_ROOT = os.environ.get("MMS_MEDIA_ROOT", "/srv/mms/media")
CARRIER_KEYS = {
    "tmo": os.environ.get("CARRIER_KEY_TMO", ""),
    "vzw": os.environ.get("CARRIER_KEY_VZW", ""),
    "att": os.environ.get("CARRIER_KEY_ATT", ""),
}
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/gif", "video/mp4", "audio/amr"}

app = Bottle()
log = logging.getLogger("mms.media")


def authenticate(carrier: str) -> None:
    expected = CARRIER_KEYS.get(carrier)
    supplied = request.get_header("X-Carrier-Key", "")
    if not expected or not hmac.compare_digest(expected, supplied):
        raise HTTPError(401, "unknown carrier or bad key")


@app.post("/carriers/<carrier>/media")
def upload(carrier):
    authenticate(carrier)
    part = request.files.get("media")
    if part is None:
        raise HTTPError(400, "missing media part")
    if part.content_type not in ALLOWED_TYPES:
        raise HTTPError(415, "unsupported media type")
    dest_dir = os.path.join(MEDIA_ROOT, carrier)
    os.makedirs(dest_dir, exist_ok=True)
    name = f"{uuid.uuid4().hex}-{part.filename}"
    dest = os.path.join(dest_dir, name)
    part.save(dest, overwrite=False)
    os.chmod(dest, 0o640)
    log.info("stored %d bytes for carrier %s", os.path.getsize(dest), carrier)
    return {
        "stored_at": int(time.time()),
        "url": f"/media/{carrier}/{name}",
    }


@app.get("/media/<carrier>/<name>")
def serve(carrier, name):
    if carrier not in CARRIER_KEYS:
        raise HTTPError(404)
    return static_file(name, root=os.path.join(MEDIA_ROOT, carrier))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8070)
