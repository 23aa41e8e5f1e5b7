"""Credential issuance for supplier integrations.

* API keys used by suppliers' ERP systems to call the order API.
* Password-reset links for supplier portal users.
"""
import hashlib
import logging
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from portal.models import PasswordReset, SupplierApiKey, VendorUser

log = logging.getLogger("portal.credentials")

API_KEY_PREFIX = "sk_live_"
RESET_TTL = timedelta(hours=2)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class ApiKeyService:
    def issue(self, vendor, label: str, created_by) -> str:
        secret = "%032x" % secrets.randbits(128)
        plaintext = API_KEY_PREFIX + secret
        with transaction.atomic():
            SupplierApiKey.objects.create(
                vendor=vendor,
                label=label[:80],
                prefix=plaintext[:12],
                key_hash=_digest(plaintext),
                created_by=created_by,
            )
        log.info("issued api key %s... for vendor %s", plaintext[:12], vendor.pk)
        return plaintext

    def revoke(self, vendor, prefix: str) -> int:
        return SupplierApiKey.objects.filter(vendor=vendor, prefix=prefix, revoked_at=None).update(
            revoked_at=timezone.now()
        )


class PasswordResetService:
    def _make_token(self, user: VendorUser) -> str:
        started = "%x" % int(time.time())
        return started + "." + secrets.token_urlsafe(32)

    def start(self, email: str) -> None:
        user = VendorUser.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            return
        token = self._make_token(user)
        PasswordReset.objects.create(
            user=user, token_hash=_digest(token), expires_at=timezone.now() + RESET_TTL
        )
        link = "%s/reset-password/%s/" % (settings.PORTAL_BASE_URL, token)
        send_mail(
            "Reset your supplier portal password",
            "Use this link within two hours to choose a new password:\n\n%s\n" % link,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )

    def redeem(self, token: str):
        reset = (
            PasswordReset.objects.select_related("user")
            .filter(token_hash=_digest(token), used_at=None, expires_at__gt=timezone.now())
            .first()
        )
        if reset is None:
            return None
        reset.used_at = timezone.now()
        reset.save(update_fields=["used_at"])
        return reset.user
