"""Field check-in endpoint used by the technician mobile app.

Every arrival/departure is written to the audit log, which the ops team
ships to the SIEM and uses for timesheet disputes.
"""
import json
import logging
from datetime import datetime, timezone

from django.http import JsonResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.utils.decorators import method_decorator

from fieldops.models import CheckIn, Job
from fieldops.auth import tech_from_bearer

audit = logging.getLogger("fieldops.audit")

VALID_KINDS = {"arrive", "depart", "pause", "resume"}


def parse_checkin(body: bytes) -> dict:
    data = json.loads(body or b"{}")
    return {
        "job": int(data["job_id"]),
        "kind": data.get("kind", "arrive"),
        "lat": float(data.get("lat", 0)),
        "lon": float(data.get("lon", 0)),
        "note": str(data.get("note", ""))[:500],
    }


def describe(tech, checkin: dict) -> str:
    return "tech=%s job=%s kind=%r note=%r" % (
        tech.badge_number, checkin["job"], checkin["kind"], checkin["note"]
    )


@method_decorator(csrf_exempt, name="dispatch")
class CheckInView(View):
    def post(self, request):
        tech = tech_from_bearer(request)
        if tech is None:
            return JsonResponse({"error": "unauthorized"}, status=401)
        audit.info("checkin from device %r", request.headers.get("X-Device-Id"))
        try:
            checkin = parse_checkin(request.body)
        except (ValueError, KeyError) as exc:
            return JsonResponse({"error": f"bad payload: {exc}"}, status=400)
        if checkin["kind"] not in VALID_KINDS:
            return JsonResponse({"error": "unknown kind"}, status=400)

        job = Job.objects.filter(pk=checkin["job"], technician=tech).first()
        if job is None:
            return JsonResponse({"error": "job not assigned"}, status=404)

        record = CheckIn.objects.create(
            job=job,
            technician=tech,
            kind=checkin["kind"],
            lat=checkin["lat"],
            lon=checkin["lon"],
            note=checkin["note"],
            at=datetime.now(timezone.utc),
        )
        line = describe(tech, checkin)
        audit.info(line)
        return JsonResponse({"id": record.pk, "at": record.at.isoformat()}, status=201)
