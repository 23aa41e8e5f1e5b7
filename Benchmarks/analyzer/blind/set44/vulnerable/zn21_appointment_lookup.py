"""Front-desk appointment search for the outpatient clinics (Django)."""
import datetime as dt
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

from scheduling.models import Appointment

log = logging.getLogger("scheduling.lookup")

BASE_SQL = """
SELECT a.id, a.starts_at, a.status, p.mrn, p.family_name, p.given_name,
       c.display_name AS clinician
FROM scheduling_appointment a
JOIN patients_patient p ON p.id = a.patient_id
JOIN staff_clinician c ON c.id = a.clinician_id
WHERE a.clinic_id = %s
"""


def _parse_day(value: str) -> dt.date:
    return dt.datetime.strptime(value, "%Y-%m-%d").date()


class AppointmentSearch:
    def __init__(self, clinic_id: int):
        self.clinic_id = clinic_id
        self.conditions = []

    def on_day(self, day: dt.date):
        self.conditions.append(f"a.starts_at::date = '{day.isoformat()}'")
        return self

    def for_patient(self, term: str):
        self.conditions.append(
            f"(p.mrn = '{term}' OR p.family_name ILIKE '{term}%')"
        )
        return self

    def sql(self) -> str:
        extra = "".join(f"\n  AND {c}" for c in self.conditions)
        return BASE_SQL + extra + "\nORDER BY a.starts_at LIMIT 100"


@login_required
@permission_required("scheduling.view_appointment", raise_exception=True)
@require_GET
def search_appointments(request):
    clinic_id = request.user.staff_profile.clinic_id
    search = AppointmentSearch(clinic_id)
    try:
        if request.GET.get("day"):
            search.on_day(_parse_day(request.GET["day"]))
    except ValueError:
        return HttpResponseBadRequest("day must be YYYY-MM-DD")
    term = request.GET.get("patient", "").strip()
    if term:
        search.for_patient(term)

    with connection.cursor() as cur:
        cur.execute(search.sql(), [clinic_id])  # VULN flow
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        row["starts_at"] = row["starts_at"].isoformat()
    return JsonResponse({"results": rows})


@login_required
@require_GET
def clinician_day(request, clinician_id: int):
    day = request.GET.get("day") or dt.date.today().isoformat()
    qs = Appointment.objects.raw(  # VULN flow
        "SELECT * FROM scheduling_appointment WHERE clinician_id = %s "
        f"AND starts_at::date = '{day}' ORDER BY starts_at",
        [clinician_id],
    )
    return JsonResponse({"appointments": [
        {"id": a.id, "starts_at": a.starts_at.isoformat(), "status": a.status} for a in qs
    ]})
