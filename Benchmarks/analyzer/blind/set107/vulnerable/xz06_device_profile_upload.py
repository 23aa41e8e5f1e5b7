"""Django views for uploading smart-scale and wearable device profiles.

Members can paste or upload the YAML profile exported by the vendor app so
the club equipment can pair with their device.
"""
import logging

import yaml
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import DeviceProfile

log = logging.getLogger(__name__)

REQUIRED_KEYS = {"model", "firmware", "sampling_hz"}


def _validate(profile):
    if not isinstance(profile, dict):
        raise ValueError("profile must be a mapping")
    missing = REQUIRED_KEYS - profile.keys()
    if missing:
        raise ValueError("missing keys: " + ", ".join(sorted(missing)))
    if not 1 <= int(profile["sampling_hz"]) <= 256:
        raise ValueError("sampling_hz out of range")
    return profile


def _save(user, profile):
    obj, _ = DeviceProfile.objects.update_or_create(
        owner=user,
        model=str(profile["model"])[:64],
        defaults={"firmware": str(profile["firmware"])[:32],
                  "sampling_hz": int(profile["sampling_hz"]),
                  "extra": profile.get("extra", {})},
    )
    return obj


@login_required
@require_POST
def upload_profile(request):
    try:
        profile = yaml.load(request.body, Loader=yaml.Loader)  # VULN
        _validate(profile)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        log.info("rejected profile from user %s: %r", request.user.pk, exc)
        return HttpResponseBadRequest("invalid device profile")
    obj = _save(request.user, profile)
    return JsonResponse({"id": obj.pk, "model": obj.model})


@login_required
@require_POST
def upload_profile_file(request):
    upload = request.FILES.get("profile")
    if upload is None:
        return HttpResponseBadRequest("missing file")
    text = upload.read().decode("utf-8", "replace")
    saved = []
    try:
        docs = list(yaml.load_all(text, Loader=yaml.UnsafeLoader))  # VULN flow
        for doc in docs:
            saved.append(_save(request.user, _validate(doc)).pk)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        log.info("rejected profile bundle from user %s: %r", request.user.pk, exc)
        return HttpResponseBadRequest("invalid device profile bundle")
    return JsonResponse({"saved": saved})
