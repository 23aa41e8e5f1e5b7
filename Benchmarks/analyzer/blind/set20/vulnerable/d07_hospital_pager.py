"""Views for the on-call pager: inbox, acknowledgement and SMS confirm codes."""
import logging
import random
import string
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Acknowledgement, Page
from .sms import send_sms

log = logging.getLogger("pager.views")
DEFAULT_TARGET = "/pager/inbox/"
CODE_ALPHABET = string.ascii_uppercase + string.digits


def _confirm_code(length: int = 8) -> str:
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN


def _post_ack_target(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or DEFAULT_TARGET
    if not target.startswith("/"):
        target = DEFAULT_TARGET
    return target


@login_required
def inbox(request):
    since = timezone.now() - timedelta(hours=12)
    pages = (
        Page.objects.filter(recipient=request.user, created__gte=since)
        .select_related("ward")
        .order_by("-priority", "-created")
    )
    return render(request, "pager/inbox.html", {"pages": pages})


@login_required
@require_POST
def acknowledge(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id, recipient=request.user)
    ack, created = Acknowledgement.objects.get_or_create(
        page=page,
        user=request.user,
        defaults={"confirm_code": _confirm_code(), "expires": timezone.now() + timedelta(minutes=10)},
    )
    if created and page.requires_sms_confirm:
        send_sms(request.user.profile.mobile, f"Reply {ack.confirm_code} to confirm page #{page.pk}")
    log.info("page %s acknowledged by %s", page.pk, request.user.pk)
    return HttpResponseRedirect(_post_ack_target(request))  # VULN flow


@require_POST
def sms_confirm(request):
    code = request.POST.get("code", "").strip().upper()
    ack = (
        Acknowledgement.objects.filter(confirm_code=code, expires__gt=timezone.now(), confirmed=False)
        .select_related("page")
        .first()
    )
    if ack is None:
        return JsonResponse({"ok": False}, status=404)
    ack.confirmed = True
    ack.save(update_fields=["confirmed"])
    ack.page.escalation_cancelled = True
    ack.page.save(update_fields=["escalation_cancelled"])
    return JsonResponse({"ok": True, "page": ack.page.pk})
