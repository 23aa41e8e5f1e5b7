"""Django admin customisations for the invoice matching queue."""
import logging

from django.contrib import admin
from django.db import connection
from django.utils.html import format_html

from ap.models import Invoice, MatchException

log = logging.getLogger(__name__)


def variance_rows(vendor_id, invoice_prefix):
    sql = (
        "SELECT i.invoice_number, i.total_amount, p.po_number, p.total_amount "
        "FROM ap_invoice i JOIN procurement_purchaseorder p ON p.id = i.po_id "
        "WHERE i.vendor_id = %s AND i.invoice_number LIKE %s "
        "AND i.total_amount <> p.total_amount ORDER BY i.received_on DESC LIMIT 50"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [int(vendor_id), invoice_prefix + "%"])
        return cur.fetchall()


class MatchExceptionInline(admin.TabularInline):
    model = MatchException
    extra = 0
    readonly_fields = ("kind", "detail", "created_at")


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ("invoice_number", "vendor", "total_amount", "match_status", "supplier_note_html")
    list_filter = ("match_status", "currency")
    search_fields = ("invoice_number", "vendor__legal_name")
    inlines = [MatchExceptionInline]
    actions = ["show_variances"]

    @admin.display(description="Supplier note")
    def supplier_note_html(self, obj):
        # the note is entered by the supplier when submitting through the portal
        note = obj.supplier_note or ""
        if len(note) > 120:
            note = note[:117] + "..."
        return format_html("<span title='{}'>{}</span>", obj.supplier_note or "", note)

    @admin.display(description="Status")
    def status_badge(self, obj):
        return format_html('<span class="badge badge-{}">{}</span>', obj.match_status, obj.get_match_status_display())

    @admin.action(description="Show amount variances for selected vendors")
    def show_variances(self, request, queryset):
        vendors = {inv.vendor_id: inv.vendor for inv in queryset.select_related("vendor")}
        for vendor_id, vendor in vendors.items():
            # suppliers maintain their own invoice numbering prefix in the portal profile
            prefix = vendor.invoice_prefix or ""
            for inv_no, inv_total, po_no, po_total in variance_rows(vendor_id, prefix):
                self.message_user(
                    request,
                    "%s vs %s: invoiced %s, ordered %s" % (inv_no, po_no, inv_total, po_total),
                )
