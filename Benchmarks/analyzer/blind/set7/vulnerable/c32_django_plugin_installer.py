import hashlib
import io
import os
import shutil
import zipfile

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

PLUGIN_DIR = getattr(settings, "PLUGIN_DIR", "/srv/dashboard/plugins")
SIGNING_SALT = os.environ.get("PLUGIN_SIGNING_SALT", "").encode()


def verify_signature(blob, sig_hex):
    return hashlib.md5(SIGNING_SALT + blob).hexdigest() == sig_hex.lower()  # VULN


def install(blob, name):
    dest = os.path.join(PLUGIN_DIR, name)
    os.makedirs(dest, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.join(dest, info.filename)
            with zf.open(info) as src, open(target, "wb") as out:  # VULN flow
                shutil.copyfileobj(src, out)
    return dest


@staff_member_required
@require_POST
def upload_plugin(request):
    upload = request.FILES.get("plugin")
    name = slugify(request.POST.get("name", ""))
    if upload is None or not name:
        return JsonResponse({"error": "plugin archive and name required"}, status=400)
    blob = upload.read()
    if not verify_signature(blob, request.POST.get("signature", "")):
        return JsonResponse({"error": "bad signature"}, status=403)
    path = install(blob, name)
    return JsonResponse({"installed": name, "files": len(os.listdir(path))})
