"""Leave request submission (Django view).

The audit logger ships to the SIEM; HR relies on it when disputes come up
about when a request was filed and what reason was given.
"""
import logging
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import LeaveRequest

audit = logging.getLogger("hr.audit.leave")

LEAVE_KINDS = {"annual", "sick", "parental", "unpaid", "bereavement"}
MAX_DAYS = 60


def _parse_request(data) -> dict:
    return {
        "kind": data.get("kind", "annual"),
        "start": date.fromisoformat(data["start"]),
        "end": date.fromisoformat(data["end"]),
        "reason": data.get("reason", "")[:500],
    }


def _working_days(start: date, end: date) -> int:
    days = 0
    current = start
    while current <= end:
        if current.weekday() < 5:
            days += 1
        current = date.fromordinal(current.toordinal() + 1)
    return days


@login_required
@require_POST
def submit_leave(request):
    try:
        leave = _parse_request(request.POST)
    except (KeyError, ValueError):
        return HttpResponseBadRequest("start and end must be ISO dates")

    if leave["kind"] not in LEAVE_KINDS:
        audit.warning("rejected leave kind %s from user=%s", leave["kind"], request.user.username)  # VULN flow
        return HttpResponseBadRequest("unknown leave kind")
    if leave["end"] < leave["start"]:
        return HttpResponseBadRequest("end before start")

    days = _working_days(leave["start"], leave["end"])
    if days > MAX_DAYS:
        return HttpResponseBadRequest("request exceeds maximum length")

    obj = LeaveRequest.objects.create(
        employee=request.user,
        kind=leave["kind"],
        start_date=leave["start"],
        end_date=leave["end"],
        working_days=days,
        reason=leave["reason"],
    )
    audit.info(  # VULN flow
        "leave request id=%s user=%s kind=%s %s..%s days=%d reason=%s",
        obj.pk, request.user.username, leave["kind"], leave["start"], leave["end"], days, leave["reason"],
    )
    return JsonResponse({"id": obj.pk, "working_days": days, "status": "pending"}, status=201)
