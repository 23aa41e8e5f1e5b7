import logging
import os

import requests
from celery import shared_task
from django.utils import timezone

from fleet.models import FlightPlan

log = logging.getLogger(__name__)

UTM_BASE_URL = "https://utm.aviation-authority.example/api/v2"
UTM_API_KEY = os.environ.get("UTM_API_KEY", "")


class UTMClient:
    def __init__(self, base_url=UTM_BASE_URL, api_key=UTM_API_KEY):
        if not api_key:
            raise RuntimeError("UTM_API_KEY is not configured")
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        self.session.verify = os.environ.get("UTM_CA_BUNDLE") or True

    def submit_plan(self, payload):
        resp = self.session.post(f"{self.base_url}/flight-plans", json=payload, timeout=10)
        resp.raise_for_status()
        return resp.json()

    def cancel_plan(self, authorization_id):
        resp = self.session.delete(f"{self.base_url}/flight-plans/{authorization_id}", timeout=10)
        resp.raise_for_status()


def plan_payload(plan):
    return {
        "operator_id": plan.operator.registration_number,
        "drone_serial": plan.drone.serial_number,
        "start": plan.window_start.isoformat(),
        "end": plan.window_end.isoformat(),
        "max_altitude_m": plan.max_altitude_m,
        "area": plan.area_geojson,
    }


@shared_task(bind=True, max_retries=5, default_retry_delay=30)
def file_flight_plan(self, plan_id):
    plan = FlightPlan.objects.select_related("drone", "operator").get(pk=plan_id)
    try:
        result = UTMClient().submit_plan(plan_payload(plan))
    except requests.RequestException as exc:
        log.warning("UTM submission failed for plan %s: %r", plan_id, exc)
        raise self.retry(exc=exc)
    plan.authorization_id = result["authorization_id"]
    plan.status = result.get("status", "pending")
    plan.submitted_at = timezone.now()
    plan.save(update_fields=["authorization_id", "status", "submitted_at"])
    return plan.authorization_id


@shared_task
def cancel_flight_plan(plan_id):
    plan = FlightPlan.objects.get(pk=plan_id)
    if plan.authorization_id:
        UTMClient().cancel_plan(plan.authorization_id)
    plan.status = "cancelled"
    plan.save(update_fields=["status"])
