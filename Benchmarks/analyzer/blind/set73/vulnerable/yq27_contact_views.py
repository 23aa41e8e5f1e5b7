"""Contact list and duplicate-merge endpoints for the CRM."""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import Contact

log = logging.getLogger(__name__)

PAGE_SIZE = 100


def _serialize(c):
    return {"id": c.id, "name": f"{c.first_name} {c.last_name}".strip(),
            "email": c.email, "company": c.company, "owner": c.owner_id}


@login_required
def contact_list(request):
    order = request.GET.get("order", "last_name")
    direction = "DESC" if request.GET.get("desc") == "1" else "ASC"
    page = max(int(request.GET.get("page", 1)), 1)
    sql = (
        "SELECT * FROM crm_contact WHERE owner_id = %s "
        f"ORDER BY {order} {direction} LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"
    )
    contacts = Contact.objects.raw(sql, [request.user.id])  # VULN flow
    return JsonResponse({"page": page, "contacts": [_serialize(c) for c in contacts]})


def _merge_statements(keep_id, dupe_ids):
    ids = ",".join(dupe_ids)
    return [
        f"UPDATE crm_activity SET contact_id = {keep_id} WHERE contact_id IN ({ids})",
        f"UPDATE crm_deal SET contact_id = {keep_id} WHERE contact_id IN ({ids})",
        f"UPDATE crm_ticket SET contact_id = {keep_id} WHERE contact_id IN ({ids})",
        f"DELETE FROM crm_contact WHERE id IN ({ids})",
    ]


@login_required
@require_POST
def merge_contacts(request):
    try:
        data = json.loads(request.body)
        keep = data["keep"]
        dupes = [str(d) for d in data["duplicates"]]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("expected {keep, duplicates}")
    if not dupes or str(keep) in dupes:
        return HttpResponseBadRequest("nothing to merge")
    if not Contact.objects.filter(pk=keep, owner=request.user).exists():
        return HttpResponseBadRequest("unknown contact")

    with transaction.atomic(), connection.cursor() as cur:
        for stmt in _merge_statements(keep, dupes):
            cur.execute(stmt)  # VULN flow
    log.info("user %s merged %d contacts into %s", request.user.pk, len(dupes), keep)
    return JsonResponse({"kept": keep, "merged": len(dupes)})
