"""Serve reference images (gel ladders, blots, calibration targets) to the lab wiki.

Wiki pages embed ``/refs/image?name=ladders/1kb_plus.png``; the index view
lists everything available under MEDIA_ROOT/reference.
"""
import mimetypes
import os

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseNotFound
from django.utils.html import escape
from django.views.decorators.http import require_GET

REF_DIR = os.path.join(settings.MEDIA_ROOT, "reference")
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def _ref_path(name: str) -> str:
    return os.path.join(REF_DIR, name)


def _not_found(name: str) -> HttpResponse:
    body = (
        "<html><body><h2>Reference image not found</h2>"
        f"<p>No reference image called <b>{name}</b>. "
        "Check the <a href='/refs/'>index</a> for available images.</p></body></html>"
    )
    return HttpResponseNotFound(body)  # VULN flow


@require_GET
def reference_image(request):
    name = request.GET.get("name", "").strip()
    path = _ref_path(name)
    if not name or not os.path.isfile(path):
        return _not_found(name)
    ctype, _ = mimetypes.guess_type(path)
    return FileResponse(open(path, "rb"), content_type=ctype or "application/octet-stream")  # VULN flow


@require_GET
def reference_index(request):
    items = []
    for root, _dirs, files in os.walk(REF_DIR):
        for fname in sorted(files):
            if os.path.splitext(fname)[1].lower() not in IMAGE_EXTS:
                continue
            rel = os.path.relpath(os.path.join(root, fname), REF_DIR)
            items.append(f"<li><a href='/refs/image?name={escape(rel)}'>{escape(rel)}</a></li>")
    html = "<html><body><h2>Reference images</h2><ul>" + "".join(items) + "</ul></body></html>"
    return HttpResponse(html)
