"""Withdrawal request + e-mail confirmation flow (Django views)."""
import hashlib
import logging
import secrets
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from .models import Withdrawal

log = logging.getLogger(__name__)

MIN_WITHDRAWAL = Decimal("10.00")


def confirmation_token(user_id: int, withdrawal_id: int) -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@login_required
@require_http_methods(["GET", "POST"])
def request_withdrawal(request):
    if request.method == "GET":
        return render(request, "wallet/withdraw.html")
    try:
        amount = Decimal(request.POST.get("amount", ""))
    except InvalidOperation:
        return HttpResponseBadRequest("invalid amount")
    if amount < MIN_WITHDRAWAL:
        return HttpResponseBadRequest("amount below minimum")

    memo = request.POST.get("memo", "").strip()[:140]
    wd = Withdrawal.objects.create(user=request.user, amount=amount, memo=memo, status="pending")
    token = confirmation_token(request.user.id, wd.id)
    wd.confirm_token = token_digest(token)
    wd.save(update_fields=["confirm_token"])
    link = request.build_absolute_uri(reverse("wallet:confirm", args=[token]))
    send_mail("Confirm your withdrawal", f"Confirm here: {link}", None, [request.user.email])
    return redirect("wallet:pending", wd.id)


@login_required
def pending(request, withdrawal_id: int):
    qs = Withdrawal.objects.filter(pk=withdrawal_id)
    if not request.user.is_staff:
        # support staff review pending withdrawals from the same page
        qs = qs.filter(user=request.user)
    wd = qs.first()
    if wd is None:
        raise Http404
    summary = format_html("Withdrawal of <strong>{}</strong> requested", wd.amount)
    if wd.memo:
        summary += format_html(" &mdash; <em>{}</em>", wd.memo)
    return render(request, "wallet/pending.html", {"summary": summary, "wd": wd})


@login_required
def confirm(request, token: str):
    wd = Withdrawal.objects.filter(confirm_token=token_digest(token), user=request.user, status="pending").first()
    if wd is None:
        raise Http404
    wd.status = "approved"
    wd.confirm_token = ""
    wd.save(update_fields=["status", "confirm_token"])
    log.info("withdrawal %d confirmed", wd.id)
    return redirect("wallet:pending", wd.id)
