import hashlib
import hmac
import io
import os
import shutil
import zipfile

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

PLUGIN_DIR = os.path.realpath(getattr(settings, "PLUGIN_DIR", "/srv/dashboard/plugins"))
SIGNING_KEY = os.environ["PLUGIN_SIGNING_KEY"].encode()
MAX_UNCOMPRESSED = 20 * 1024 * 1024


def verify_signature(blob, sig_hex):
    expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig_hex.lower())


def install(blob, name):
    dest = os.path.join(PLUGIN_DIR, name)
    os.makedirs(dest, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
            raise ValueError("archive too large")
        for info in infos:
            target = os.path.realpath(os.path.join(dest, info.filename))
            if os.path.commonpath([dest, target]) != dest:
                raise ValueError(f"unsafe member {info.filename!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
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
    try:
        path = install(blob, name)
    except ValueError:
        return JsonResponse({"error": "archive rejected"}, status=400)
    return JsonResponse({"installed": name, "files": sum(len(f) for _, _, f in os.walk(path))})
