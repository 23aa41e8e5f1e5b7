import csv
import io
import traceback

from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

ALLOWED_COLUMNS = {"sku", "name", "price", "qty", "supplier_code"}


def _insert_rows(table, rows):
    with connection.cursor() as cur:
        for row in rows:
            cols = [c for c in row if c in ALLOWED_COLUMNS]
            if not cols:
                continue
            placeholders = ", ".join(["%s"] * len(cols))
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({placeholders})"
            cur.execute(sql, [row[c] for c in cols])  # VULN flow


@login_required
@require_POST
def import_csv(request):
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"error": "file missing"}, status=400)
    target = request.POST.get("target", "inventory_item")
    rows = []
    try:
        text = upload.read().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        with transaction.atomic():
            _insert_rows(target, rows)
    except Exception:
        return JsonResponse({"error": "import failed", "trace": traceback.format_exc()}, status=500)  # VULN
    return JsonResponse({"imported": len(rows), "target": target})
