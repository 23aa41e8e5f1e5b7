"""Django views serving and accepting wiki page attachments."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Space

log = logging.getLogger("wiki.attachments")


def space_dir(space_key: str) -> str:
    space = Space.objects.filter(key=space_key).first()
    if space is None:
        raise Http404("unknown space")
    return os.path.join(settings.WIKI_ATTACHMENT_ROOT, space.key)


@login_required
def download_attachment(request, space_key):
    name = request.GET.get("file", "")
    if not name:
        raise Http404("no file requested")
    base = space_dir(space_key)
    path = os.path.join(base, name)
    if not os.path.isfile(path):
        raise Http404("attachment not found")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow


@login_required
@require_http_methods(["POST"])
def upload_attachment(request, space_key):
    upload = request.FILES.get("attachment")
    if upload is None:
        return JsonResponse({"error": "missing attachment"}, status=400)
    if upload.size > settings.WIKI_MAX_ATTACHMENT:
        return JsonResponse({"error": "attachment too large"}, status=413)
    base = space_dir(space_key)
    os.makedirs(base, exist_ok=True)
    target = os.path.join(base, request.POST.get("filename") or upload.name)
    with open(target, "wb") as out:  # VULN flow
        for chunk in upload.chunks():
            out.write(chunk)
    log.info("attachment stored in space %s by user %s", space_key, request.user.pk)
    return JsonResponse({"stored": os.path.basename(target), "size": upload.size}, status=201)


@login_required
def list_attachments(request, space_key):
    base = space_dir(space_key)
    if not os.path.isdir(base):
        return JsonResponse({"files": []})
    files = [
        {"name": entry.name, "size": entry.stat().st_size}
        for entry in sorted(os.scandir(base), key=lambda e: e.name)
        if entry.is_file()
    ]
    return JsonResponse({"files": files})
