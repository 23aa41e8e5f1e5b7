"""Django views for the finance team to approve pending customer refunds."""
import json
import logging
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import AuditEntry, Refund

log = logging.getLogger("finance.refunds")
APPROVAL_LIMIT = Decimal("5000.00")


def ensure_finance_approver(user, amount):
    if not (user.is_active and user.groups.filter(name="finance-approvers").exists()):
        raise PermissionError("not an approver")
    if amount > APPROVAL_LIMIT and not user.has_perm("refunds.approve_large"):
        raise PermissionError("amount exceeds approval limit")


@login_required
def pending_refunds(request):
    refunds = Refund.objects.filter(status="pending").order_by("created_at")[:100]
    return JsonResponse({"refunds": [r.as_dict() for r in refunds]})


@login_required
@require_POST
def approve_refund(request, refund_id):
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")
    refund = get_object_or_404(Refund, pk=refund_id, status="pending")
    try:
        ensure_finance_approver(request.user, refund.amount)
    except PermissionError as exc:
        return JsonResponse({"error": str(exc)}, status=403)
    with transaction.atomic():
        refund.status = "approved"
        refund.approved_by = request.user
        refund.note = str(payload.get("note", ""))[:500]
        refund.save(update_fields=["status", "approved_by", "note"])
        AuditEntry.objects.create(actor=request.user, action="refund.approve", target=str(refund.pk))
    log.info("refund %d approved by user %d", refund.pk, request.user.pk)
    return JsonResponse({"id": refund.pk, "status": refund.status})
