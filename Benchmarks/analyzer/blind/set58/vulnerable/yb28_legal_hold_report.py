"""Legal hold custodian report for the litigation support team."""
import logging

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import Custodian, LegalHold

logger = logging.getLogger(__name__)

DEFAULT_SORT = "c.last_name"
PAGE_SIZE = 100


def custodian_rows(hold_id, sort):
    sql = (
        "SELECT c.id, c.first_name, c.last_name, c.email, c.department, "
        "       a.acknowledged_at, a.reminder_count "
        "FROM holds_custodian c "
        "JOIN holds_acknowledgement a ON a.custodian_id = c.id "
        "WHERE a.hold_id = %s "
        "ORDER BY " + sort + " LIMIT " + str(PAGE_SIZE)
    )
    return Custodian.objects.raw(sql, [hold_id])  # VULN flow


def status_badge(custodian):
    if custodian.acknowledged_at:
        return mark_safe('<span class="badge ok">Acknowledged</span>')
    return mark_safe('<span class="badge warn">Pending (%d reminders)</span>' % custodian.reminder_count)


def hold_banner(hold):
    note = hold.scope_note or "No scope note recorded."
    return mark_safe(f'<div class="hold-banner"><h3>{hold.matter_name}</h3><p>{note}</p></div>')  # VULN flow


@permission_required("holds.view_legalhold")
def hold_report(request, hold_id):
    hold = get_object_or_404(LegalHold, pk=hold_id)
    sort = request.GET.get("sort") or DEFAULT_SORT
    rows = [
        {"custodian": c, "badge": status_badge(c)}
        for c in custodian_rows(hold.pk, sort)
    ]
    logger.info("hold report %s viewed by %s (%d custodians)", hold.pk, request.user.pk, len(rows))
    return render(request, "holds/report.html", {
        "hold": hold,
        "banner": hold_banner(hold),
        "rows": rows,
        "sort": sort,
    })
