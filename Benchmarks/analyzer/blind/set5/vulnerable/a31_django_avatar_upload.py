import os
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@login_required
@require_POST
def upload_avatar(request):
    upload = request.FILES.get("avatar")
    if upload is None or upload.content_type not in ("image/png", "image/jpeg"):
        return JsonResponse({"error": "png or jpeg required"}, status=400)
    ext = ".png" if upload.content_type == "image/png" else ".jpg"
    name = uuid.uuid4().hex + ext
    path = os.path.join(settings.MEDIA_ROOT, "avatars", name)
    with open(path, "wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    os.chmod(path, 0o777)  # VULN
    request.user.profile.avatar = "avatars/" + name
    request.user.profile.save(update_fields=["avatar"])
    return JsonResponse({"url": settings.MEDIA_URL + "avatars/" + name}, status=201)
