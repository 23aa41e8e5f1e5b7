"""Issue temporary smart-lock PINs for guests, dog walkers and contractors."""
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from locks.client import LockBridge
from locks.models import GuestCode

log = logging.getLogger("locks.guest")

MAX_DURATION = timedelta(days=14)
PIN_LENGTH = 6
bridge = LockBridge.from_settings()


def generate_pin(length: int = PIN_LENGTH) -> str:
    return "".join(random.choice(string.digits) for _ in range(length))  # VULN


def generate_share_token() -> str:
    # token used in the "share this code" link texted to the guest
    return "%032x" % random.getrandbits(128)  # VULN


def _parse_window(post) -> tuple:
    start = datetime.fromisoformat(post["starts_at"]).astimezone(timezone.utc)
    hours = int(post.get("hours", 24))
    end = start + timedelta(hours=hours)
    if end - start > MAX_DURATION or hours <= 0:
        raise ValueError("invalid access window")
    return start, end


@login_required
@require_POST
def create_guest_code(request, unit_id: int):
    tenant = request.user.tenant
    if tenant.unit_id != unit_id:
        return JsonResponse({"error": "not your unit"}, status=403)
    try:
        starts, ends = _parse_window(request.POST)
    except (KeyError, ValueError):
        return HttpResponseBadRequest("starts_at and hours are required")

    label = request.POST.get("label", "Guest")[:40]
    existing = set(GuestCode.objects.filter(unit_id=unit_id, ends_at__gt=starts).values_list("pin", flat=True))
    pin = generate_pin()
    while pin in existing:
        pin = generate_pin()

    code = GuestCode.objects.create(
        unit_id=unit_id, created_by=tenant, label=label, pin=pin,
        starts_at=starts, ends_at=ends, share_token=generate_share_token(),
    )
    bridge.add_pin(lock_id=tenant.unit.lock_id, pin=pin, starts=starts, ends=ends, label=label)
    log.info("guest code %s created for unit %s (%s -> %s)", code.id, unit_id, starts, ends)
    return JsonResponse(
        {
            "id": code.id,
            "pin": pin,
            "share_url": f"https://portal.harborviewliving.com/g/{code.share_token}",
            "ends_at": ends.isoformat(),
        },
        status=201,
    )
