"""Custom scan profile upload for the vulnerability scanner console (Django)."""
import logging

import yaml
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from scanner.models import ScanProfile

log = logging.getLogger(__name__)

MAX_PROFILE_BYTES = 256 * 1024
REQUIRED_KEYS = {"name", "checks"}
KNOWN_INTENSITIES = {"passive", "safe", "aggressive"}


class ProfileError(ValueError):
    pass


def load_profile(stream) -> dict:
    doc = yaml.load(stream, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ProfileError("profile must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise ProfileError(f"missing keys: {', '.join(sorted(missing))}")
    return doc


def normalise(doc: dict) -> dict:
    intensity = doc.get("intensity", "safe")
    if intensity not in KNOWN_INTENSITIES:
        raise ProfileError(f"unknown intensity {intensity!r}")
    checks = [str(c) for c in doc["checks"]]
    return {
        "name": str(doc["name"])[:80],
        "intensity": intensity,
        "checks": checks,
        "exclude_paths": [str(p) for p in doc.get("exclude_paths", [])],
        "rate_limit": int(doc.get("rate_limit", 10)),
    }


@login_required
@require_POST
def upload_profile(request):
    upload = request.FILES.get("profile")
    if upload is None or upload.size > MAX_PROFILE_BYTES:
        return HttpResponseBadRequest("profile file missing or too large")
    try:
        settings = normalise(load_profile(upload.read()))
    except (ProfileError, yaml.YAMLError, TypeError, ValueError) as exc:
        return HttpResponseBadRequest(f"invalid profile: {exc}")

    tenant = request.user.membership.tenant
    profile, created = ScanProfile.objects.update_or_create(
        tenant=tenant, name=settings["name"], defaults={"config": settings, "updated_by": request.user}
    )
    log.info("scan profile %r saved for tenant %s (created=%s)", profile.name, tenant.slug, created)
    return JsonResponse({"id": profile.pk, "created": created, "checks": len(settings["checks"])})
