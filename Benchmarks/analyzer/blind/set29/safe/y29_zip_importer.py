"""Admin upload endpoint that installs storefront theme packages."""
import json
import logging
import os
import re
import shutil
import zipfile

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

THEME_ROOT = os.path.realpath(settings.THEME_ROOT)
ALLOWED_EXTENSIONS = {".css", ".html", ".png", ".svg", ".woff2", ".json", ".jpg"}
MAX_UNCOMPRESSED = 50 * 1024 * 1024
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,48}$")


def install_members(archive: zipfile.ZipFile, destination: str) -> list:
    destination = os.path.realpath(destination)
    installed, total = [], 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        if os.path.splitext(info.filename)[1].lower() not in ALLOWED_EXTENSIONS:
            continue
        total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise ValueError("theme package too large")
        target = os.path.realpath(os.path.join(destination, info.filename))
        if os.path.commonpath([target, destination]) != destination or target == destination:
            raise ValueError(f"entry escapes theme directory: {info.filename!r}")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with archive.open(info) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        installed.append(info.filename)
    return installed


@staff_member_required
@require_POST
def upload_theme(request: HttpRequest) -> JsonResponse:
    upload = request.FILES.get("package")
    slug = request.POST.get("slug", "").strip()
    if not SLUG_RE.match(slug):
        return JsonResponse({"error": "invalid theme slug"}, status=400)
    if upload is None or not zipfile.is_zipfile(upload):
        return JsonResponse({"error": "a zip package is required"}, status=400)
    destination = os.path.join(THEME_ROOT, slug)
    with zipfile.ZipFile(upload) as archive:
        if "theme.json" not in archive.namelist():
            return JsonResponse({"error": "theme.json manifest missing"}, status=400)
        try:
            manifest = json.loads(archive.read("theme.json"))
            installed = install_members(archive, destination)
        except (ValueError, zipfile.BadZipFile) as exc:
            logger.warning("rejected theme %r: %r", slug, exc)
            return JsonResponse({"error": "theme package rejected"}, status=400)
    logger.info("installed theme %r (%d files)", slug, len(installed))
    return JsonResponse({"theme": slug, "name": manifest.get("name", slug), "files": len(installed)})
