"""Lets sales reps set a contact's avatar from an image URL (LinkedIn, Gravatar, company site...)."""
import hashlib
import logging
from urllib.parse import urlparse

import requests
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Contact

log = logging.getLogger(__name__)

MAX_AVATAR_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
AVATAR_HOSTS = {"www.gravatar.com", "secure.gravatar.com", "media.licdn.com",
                "avatars.githubusercontent.com", "pbs.twimg.com"}


class AvatarError(Exception):
    pass


def fetch_avatar(url):
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in AVATAR_HOSTS:
        raise AvatarError("avatar host not allowed")
    resp = requests.get(url, timeout=5, stream=True, allow_redirects=False)
    if resp.status_code != 200:
        raise AvatarError(f"remote returned {resp.status_code}")
    content_type = resp.headers.get("Content-Type", "").split(";")[0].strip()
    data = b""
    for chunk in resp.iter_content(16384):
        data += chunk
        if len(data) > MAX_AVATAR_BYTES:
            raise AvatarError("image too large")
    return content_type, data


@login_required
@require_POST
def set_avatar_from_url(request, contact_id):
    contact = get_object_or_404(Contact, pk=contact_id, account=request.user.account)
    url = request.POST.get("avatar_url", "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return HttpResponseBadRequest("avatar_url must be an http(s) URL")
    try:
        content_type, data = fetch_avatar(url)
    except (requests.RequestException, AvatarError) as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=502)

    ext = IMAGE_TYPES.get(content_type, "bin")
    name = f"{contact.pk}-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"
    contact.avatar.save(name, ContentFile(data), save=False)
    contact.avatar_source = url
    contact.save(update_fields=["avatar", "avatar_source"])
    log.info("contact %s avatar updated (%d bytes)", contact.pk, len(data))
    return JsonResponse({"ok": True, "avatar": contact.avatar.url})
