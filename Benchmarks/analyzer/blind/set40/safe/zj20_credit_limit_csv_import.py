"""Django admin action: bulk-update customer credit limits from a CSV upload."""
import csv
import io
import logging
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection, transaction
from django.shortcuts import redirect, render

logger = logging.getLogger("credit.import")

REQUIRED_COLUMNS = {"external_id", "credit_limit", "currency"}


class CreditImportForm(forms.Form):
    file = forms.FileField()
    reason = forms.CharField(max_length=200)


def read_rows(upload):
    text = io.TextIOWrapper(upload.file, encoding="utf-8-sig")
    reader = csv.DictReader(text)
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise ValueError("missing columns: " + ", ".join(sorted(missing)))
    rows = []
    for lineno, row in enumerate(reader, start=2):
        try:
            limit = Decimal(row["credit_limit"])
        except InvalidOperation:
            raise ValueError(f"line {lineno}: bad credit_limit")
        rows.append({"ext": row["external_id"].strip(), "limit": limit,
                     "currency": row["currency"].strip().upper()})
    return rows


def apply_updates(rows, reason, user):
    updated = 0
    with connection.cursor() as cur:
        for r in rows:
            stmt = (
                "UPDATE billing_customer SET credit_limit = %s, credit_currency = %s, "
                "credit_note = %s WHERE external_id = %s"
            )
            cur.execute(stmt, [r["limit"], r["currency"], reason, r["ext"]])
            updated += cur.rowcount
        cur.execute(
            "INSERT INTO billing_credit_audit (changed_by, reason, row_count) VALUES (%s, %s, %s)",
            [user.pk, reason, updated],
        )
    return updated


@staff_member_required
def credit_import_view(request):
    form = CreditImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_rows(form.cleaned_data["file"])
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            with transaction.atomic():
                count = apply_updates(rows, form.cleaned_data["reason"], request.user)
            logger.info("credit import by %s updated %d rows", request.user.pk, count)
            messages.success(request, f"Updated {count} customers.")
            return redirect("admin:billing_customer_changelist")
    return render(request, "admin/billing/credit_import.html", {"form": form})
