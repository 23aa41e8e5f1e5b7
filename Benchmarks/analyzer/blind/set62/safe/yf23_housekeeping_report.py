"""Housekeeping supervisor views: room board and exported shift reports."""
import csv
import datetime as dt
import io
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse

from .models import Room

log = logging.getLogger("housekeeping")

STATUSES = ("dirty", "clean", "inspected", "out_of_order", "pickup")


def _room_query(status: str, floor: str) -> tuple:
    sql = (
        "SELECT r.id, r.number, r.floor, r.status, r.assigned_to_id, r.updated_at "
        "FROM hk_room r WHERE r.status = %s"
    )
    params = [status]
    if floor:
        sql += " AND r.floor = %s"
        params.append(int(floor))
    return sql + " ORDER BY r.number", params


@login_required
@permission_required("housekeeping.view_room", raise_exception=True)
def room_board(request):
    status = request.GET.get("status", "dirty")
    floor = request.GET.get("floor", "").strip()
    try:
        sql, params = _room_query(status, floor)
    except ValueError:
        return JsonResponse({"error": "floor must be a number"}, status=400)
    rooms = Room.objects.raw(sql, params)
    data = [
        {"number": r.number, "floor": r.floor, "status": r.status,
         "attendant": r.assigned_to_id, "updated": r.updated_at.isoformat()}
        for r in rooms
    ]
    return JsonResponse({"rooms": data, "count": len(data)})


@login_required
@permission_required("housekeeping.export_report", raise_exception=True)
def export_shift(request):
    day = dt.date.today()
    rows = Room.objects.filter(updated_at__date=day).values_list("number", "status", "assigned_to_id")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["room", "status", "attendant"])
    writer.writerows(rows)
    name = f"shift_{day:%Y%m%d}_{request.user.pk}.csv"
    with open(os.path.join(settings.HK_EXPORT_DIR, name), "w", encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    return HttpResponse(name, content_type="text/plain")


@login_required
@permission_required("housekeeping.export_report", raise_exception=True)
def download_export(request):
    name = request.GET.get("file", "")
    if not name.endswith(".csv"):
        raise Http404
    base = os.path.realpath(settings.HK_EXPORT_DIR)
    path = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, path]) != base or not os.path.exists(path):
        raise Http404
    log.info("user %s downloaded %r", request.user.pk, name)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))
