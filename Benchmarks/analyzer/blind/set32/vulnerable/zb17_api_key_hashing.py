"""Merchant API key issuance and authentication for the payments gateway."""
import hashlib
import logging
import secrets

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Merchant, MerchantApiKey

logger = logging.getLogger(__name__)

KEY_PREFIX = "mk_live_"
KEY_PEPPER = "9c1f6d2e-payments-gw-pepper-77a4b0"  # VULN


def digest_key(raw_key):
    return hashlib.md5((KEY_PEPPER + raw_key).encode("utf-8")).hexdigest()  # VULN


def issue_key(merchant, label):
    raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
    MerchantApiKey.objects.create(
        merchant=merchant,
        label=label[:64],
        key_digest=digest_key(raw_key),
        last_four=raw_key[-4:],
    )
    return raw_key


class ApiKeyAuthMiddleware:
    """Attaches ``request.merchant`` when a valid ``Authorization: Key ...`` header is sent."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.merchant = None
        header = request.headers.get("Authorization", "")
        if header.startswith("Key "):
            request.merchant = self.authenticate(header[4:].strip())
        return self.get_response(request)

    @staticmethod
    def authenticate(raw_key):
        if not raw_key.startswith(KEY_PREFIX):
            return None
        key = (
            MerchantApiKey.objects.select_related("merchant")
            .filter(key_digest=digest_key(raw_key), revoked_at__isnull=True)
            .first()
        )
        if key is None:
            return None
        MerchantApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
        return key.merchant


@login_required
@require_POST
def create_api_key(request, merchant_id):
    merchant = Merchant.objects.filter(pk=merchant_id, owners=request.user).first()
    if merchant is None:
        return JsonResponse({"error": "not found"}, status=404)
    raw_key = issue_key(merchant, request.POST.get("label", "default"))
    logger.info("api key issued for merchant=%s by user=%s", merchant.pk, request.user.pk)
    return JsonResponse({"api_key": raw_key, "note": "Store this key now; it is shown only once."}, status=201)
