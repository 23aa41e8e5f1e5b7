import os
import tarfile
import tempfile
import uuid

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@staff_member_required
@require_POST
def upload_theme(request):
    bundle = request.FILES.get("bundle")
    if bundle is None:
        return JsonResponse({"error": "missing bundle"}, status=400)
    dest = os.path.join(settings.MEDIA_ROOT, "themes", uuid.uuid4().hex)
    os.makedirs(dest, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        for chunk in bundle.chunks():
            tmp.write(chunk)
        tmp.flush()
        with tarfile.open(tmp.name, "r:gz") as archive:
            archive.extractall(dest)  # VULN flow
    return JsonResponse({"theme": os.path.basename(dest), "files": os.listdir(dest)})
