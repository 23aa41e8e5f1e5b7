"""Legal hold custodian report for the litigation support team."""
import logging

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Custodian, LegalHold

logger = logging.getLogger(__name__)

DEFAULT_SORT = "c.last_name"
SORT_COLUMNS = {
    "name": "c.last_name",
    "department": "c.department",
    "acknowledged": "a.acknowledged_at",
    "reminders": "a.reminder_count DESC",
}
PAGE_SIZE = 100


def custodian_rows(hold_id, sort):
    sql = (
        "SELECT c.id, c.first_name, c.last_name, c.email, c.department, "
        "       a.acknowledged_at, a.reminder_count "
        "FROM holds_custodian c "
        "JOIN holds_acknowledgement a ON a.custodian_id = c.id "
        "WHERE a.hold_id = %s "
        "ORDER BY " + SORT_COLUMNS.get(sort, DEFAULT_SORT) + " LIMIT " + str(PAGE_SIZE)
    )
    return Custodian.objects.raw(sql, [hold_id])


def status_badge(custodian):
    if custodian.acknowledged_at:
        return mark_safe('<span class="badge ok">Acknowledged</span>')
    return format_html('<span class="badge warn">Pending ({} reminders)</span>', custodian.reminder_count)


def hold_banner(hold):
    note = hold.scope_note or "No scope note recorded."
    return format_html('<div class="hold-banner"><h3>{}</h3><p>{}</p></div>', hold.matter_name, note)


@permission_required("holds.view_legalhold")
def hold_report(request, hold_id):
    hold = get_object_or_404(LegalHold, pk=hold_id)
    sort = request.GET.get("sort") or "name"
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
