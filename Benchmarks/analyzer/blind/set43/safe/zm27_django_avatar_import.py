"""Profile views: let users import an avatar from a URL (Gravatar, GitHub, etc.)."""
import io
import logging
from urllib.parse import urlparse

import requests
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from PIL import Image

log = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
FETCH_TIMEOUT = (3.05, 10)
AVATAR_HOSTS = {"www.gravatar.com", "secure.gravatar.com", "avatars.githubusercontent.com"}


class AvatarImportForm(forms.Form):
    source_url = forms.URLField(max_length=500)


class AvatarFetchError(Exception):
    pass


def fetch_remote_image(url: str) -> bytes:
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in AVATAR_HOSTS:
        raise AvatarFetchError("avatars can only be imported from Gravatar or GitHub")
    resp = requests.get(url, stream=True, timeout=FETCH_TIMEOUT, allow_redirects=False)
    if resp.status_code != 200:
        raise AvatarFetchError(f"remote returned {resp.status_code}")
    buf = io.BytesIO()
    for chunk in resp.iter_content(8192):
        buf.write(chunk)
        if buf.tell() > MAX_BYTES:
            raise AvatarFetchError("image too large")
    return buf.getvalue()


def normalise(image_bytes: bytes) -> bytes:
    with Image.open(io.BytesIO(image_bytes)) as img:
        img = img.convert("RGB")
        img.thumbnail((256, 256))
        out = io.BytesIO()
        img.save(out, "PNG")
        return out.getvalue()


@login_required
@require_POST
def import_avatar(request):
    form = AvatarImportForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)

    source = form.cleaned_data["source_url"]
    try:
        raw = fetch_remote_image(source)
        png = normalise(raw)
    except (AvatarFetchError, requests.RequestException, OSError) as exc:
        return JsonResponse({"error": f"could not import avatar: {exc}"}, status=422)

    profile = request.user.profile
    profile.avatar.save(f"avatar_{request.user.pk}.png", ContentFile(png), save=True)
    log.info("user %s imported avatar (%d bytes)", request.user.pk, len(png))
    return JsonResponse({"avatar_url": profile.avatar.url})
