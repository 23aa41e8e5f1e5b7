import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from revenue.models import RefundClaim

STATUS_COLOURS = {"pending": "#b58900", "approved": "#2aa198", "review": "#dc322f", "paid": "#268bd2"}
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    text = str(value)
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text


@admin.register(RefundClaim)
class RefundClaimAdmin(admin.ModelAdmin):
    list_display = ("reference", "taxpayer_name", "tax_year", "amount", "status_badge", "notes_preview")
    list_filter = ("status", "tax_year")
    search_fields = ("reference", "taxpayer_name")
    readonly_fields = ("reference", "submitted_at", "taxpayer_notes")
    actions = ["approve_selected", "flag_for_review", "export_csv"]

    @admin.display(description="Status")
    def status_badge(self, obj):
        colour = STATUS_COLOURS.get(obj.status, "#657b83")
        return format_html('<b style="color:{}">{}</b>', colour, obj.get_status_display())

    @admin.display(description="Notes")
    def notes_preview(self, obj):
        text = (obj.taxpayer_notes or "")[:80]
        return format_html("<span title='{}'>{}</span>", obj.taxpayer_name, text)

    @admin.action(description="Approve selected refunds", permissions=["change"])
    def approve_selected(self, request, queryset):
        updated = queryset.filter(status="pending").update(
            status="approved", reviewed_by=request.user, reviewed_at=timezone.now()
        )
        self.message_user(request, mark_safe(f"<b>{int(updated)}</b> refunds approved"), messages.SUCCESS)

    @admin.action(description="Flag for manual review", permissions=["change"])
    def flag_for_review(self, request, queryset):
        names = ", ".join(claim.taxpayer_name for claim in queryset[:5])
        count = queryset.update(status="review")
        self.message_user(request, format_html("Flagged {} claims for review: <b>{}</b>", count, names), messages.WARNING)

    @admin.action(description="Export selected as CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="refund_claims.csv"'
        writer = csv.writer(response)
        writer.writerow(["reference", "taxpayer", "year", "amount", "status"])
        for claim in queryset.iterator():
            writer.writerow([_csv_cell(v) for v in (claim.reference, claim.taxpayer_name, claim.tax_year, claim.amount, claim.status)])
        return response
