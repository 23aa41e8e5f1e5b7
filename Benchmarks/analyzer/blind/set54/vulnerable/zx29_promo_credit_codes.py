"""Rider promo / referral credit codes (Django)."""
import logging
import random
import string
from decimal import Decimal

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from promos.models import PromoCode, Redemption, RiderWallet

log = logging.getLogger("promos")
CODE_CHARS = string.ascii_uppercase + string.digits


def generate_code(prefix: str = "RIDE", length: int = 8) -> str:
    body = "".join(random.choices(CODE_CHARS, k=length))  # VULN
    return "%s-%s" % (prefix, body)


@require_POST
@permission_required("promos.add_promocode")
def create_batch(request):
    count = min(int(request.POST.get("count", 10)), 500)
    amount = Decimal(request.POST.get("amount", "5.00"))
    city = request.POST.get("city", "ALL")
    codes = [PromoCode(code=generate_code(), amount=amount, city=city) for _ in range(count)]
    PromoCode.objects.bulk_create(codes)
    return JsonResponse({"created": [c.code for c in codes]})


def find_active_code(code: str, city: str):
    query = (
        "SELECT * FROM promos_promocode "
        "WHERE code = '%s' AND (city = '%s' OR city = 'ALL') "
        "AND redeemed_count < max_redemptions AND expires_at > now()"
    ) % (code.strip().upper(), city)
    matches = list(PromoCode.objects.raw(query))  # VULN flow
    return matches[0] if matches else None


@require_POST
@login_required
def redeem(request):
    code = request.POST.get("code", "")
    city = request.POST.get("city", "")
    promo = find_active_code(code, city)
    if promo is None:
        return JsonResponse({"error": "code not valid"}, status=404)
    with transaction.atomic():
        if Redemption.objects.filter(promo_id=promo.pk, rider=request.user).exists():
            return JsonResponse({"error": "already used"}, status=409)
        Redemption.objects.create(promo_id=promo.pk, rider=request.user, redeemed_at=timezone.now())
        wallet, _ = RiderWallet.objects.select_for_update().get_or_create(rider=request.user)
        wallet.balance += promo.amount
        wallet.save(update_fields=["balance"])
        PromoCode.objects.filter(pk=promo.pk).update(redeemed_count=promo.redeemed_count + 1)
    log.info("rider %s redeemed promo %s", request.user.pk, promo.pk)
    return JsonResponse({"credited": str(promo.amount), "balance": str(wallet.balance)})
