"""API key issuance and verification for the model serving gateway."""
import hashlib
import json
import random
import string

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from .models import ApiKey

KEY_PREFIX = "zsk_"
KEY_ALPHABET = string.ascii_letters + string.digits
KEY_LENGTH = 40


def generate_key() -> str:
    body = "".join(random.choice(KEY_ALPHABET) for _ in range(KEY_LENGTH))  # VULN
    return KEY_PREFIX + body


def fingerprint(raw_key: str) -> str:
    return hashlib.md5(raw_key.encode("utf-8")).hexdigest()  # VULN


@login_required
@require_POST
def create_key(request):
    payload = json.loads(request.body or b"{}")
    label = str(payload.get("label", "default"))[:64]
    models = [str(m) for m in payload.get("models", [])][:20]
    raw = generate_key()
    ApiKey.objects.create(
        owner=request.user,
        label=label,
        prefix=raw[:8],
        digest=fingerprint(raw),
        allowed_models=models,
    )
    # the raw key is only ever shown once
    return JsonResponse({"key": raw, "label": label, "models": models}, status=201)


@login_required
@require_http_methods(["GET"])
def list_keys(request):
    keys = ApiKey.objects.filter(owner=request.user, revoked_at__isnull=True)
    return JsonResponse({"keys": [
        {"id": k.id, "label": k.label, "prefix": k.prefix, "last_used": k.last_used_at}
        for k in keys
    ]})


def authenticate_request(request):
    """Used by the gateway middleware; returns the ApiKey or None."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer " + KEY_PREFIX):
        return None
    raw = header[len("Bearer "):]
    key = ApiKey.objects.filter(digest=fingerprint(raw), revoked_at__isnull=True).first()
    if key is not None:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


@require_POST
def revoke_key(request, key_id: int):
    key = authenticate_request(request)
    if key is None or key.id != key_id:
        return HttpResponseForbidden("not allowed")
    ApiKey.objects.filter(pk=key_id).update(revoked_at=timezone.now())
    return JsonResponse({"revoked": key_id})
