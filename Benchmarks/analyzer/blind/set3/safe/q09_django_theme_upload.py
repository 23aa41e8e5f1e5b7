import os
import tarfile
import tempfile
import uuid

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

THEME_ROOT = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "themes"))


def safe_members(archive, dest):
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()):
            continue
        resolved = os.path.realpath(os.path.join(dest, member.name))
        if os.path.commonpath([dest, resolved]) != dest:
            raise ValueError(f"blocked path in archive: {member.name}")
        yield member


@staff_member_required
@require_POST
def upload_theme(request):
    bundle = request.FILES.get("bundle")
    try:
        theme_id = uuid.UUID(request.POST.get("theme_id", ""))
    except ValueError:
        return JsonResponse({"error": "invalid theme id"}, status=400)
    if bundle is None:
        return JsonResponse({"error": "missing bundle"}, status=400)
    dest = os.path.join(THEME_ROOT, str(theme_id))
    os.makedirs(dest, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        for chunk in bundle.chunks():
            tmp.write(chunk)
        tmp.flush()
        try:
            with tarfile.open(tmp.name, "r:gz") as archive:
                archive.extractall(dest, members=list(safe_members(archive, dest)))
        except (tarfile.TarError, ValueError) as exc:
            return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse({"theme": str(theme_id), "files": os.listdir(dest)})
