"""Storefront admin: import a theme pack (zip of stylesheets, images and fonts)."""
import logging
import os
import shutil
import zipfile

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger("storefront.themes")
ALLOWED_EXTENSIONS = {".css", ".png", ".jpg", ".webp", ".woff2", ".json"}
MAX_MEMBERS = 500
MAX_TOTAL_BYTES = 50 * 1024 * 1024


class ThemePackImporter:
    def __init__(self, tenant_slug: str):
        self.theme_dir = os.path.join(settings.THEMES_ROOT, tenant_slug, "custom")

    def _destination(self, member_name: str) -> str:
        return os.path.join(self.theme_dir, member_name)

    def import_pack(self, fileobj) -> list:
        written = []
        with zipfile.ZipFile(fileobj) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
                raise ValueError("theme pack too large")
            for info in infos:
                if os.path.splitext(info.filename)[1].lower() not in ALLOWED_EXTENSIONS:
                    log.info("skipping %r in theme pack", info.filename)
                    continue
                target = self._destination(info.filename)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as dst:  # VULN flow
                    shutil.copyfileobj(src, dst)
                written.append(info.filename)
        return written


@require_POST
@permission_required("storefront.change_theme", raise_exception=True)
def import_theme(request):
    upload = request.FILES.get("pack")
    if upload is None:
        return HttpResponseBadRequest("missing theme pack")
    tenant = request.user.profile.tenant.slug
    try:
        files = ThemePackImporter(tenant).import_pack(upload)
    except (zipfile.BadZipFile, ValueError) as exc:
        log.warning("theme import for %r rejected: %r", tenant, exc)
        return HttpResponseBadRequest("invalid theme pack")
    log.info("imported %d theme files for %r", len(files), tenant)
    return JsonResponse({"imported": files})
