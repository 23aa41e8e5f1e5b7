"""Reference-check integration: customers register a callback URL and we
POST the completed reference-check summary to it when referees respond."""
import json
import logging

import requests
from celery import shared_task
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from refcheck.models import IntegrationSettings, ReferenceCheck

log = logging.getLogger("refcheck.callbacks")

CALLBACK_TIMEOUT = 8
MAX_ATTEMPTS = 5


@login_required
@require_POST
def save_callback_settings(request):
    try:
        body = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")
    url = (body.get("callback_url") or "").strip()
    if not url.startswith(("http://", "https://")):
        return HttpResponseBadRequest("callback_url must be an http(s) URL")
    settings, _ = IntegrationSettings.objects.get_or_create(company=request.user.company)
    settings.callback_url = url
    settings.callback_secret = body.get("callback_secret", settings.callback_secret)
    settings.save(update_fields=["callback_url", "callback_secret"])
    return JsonResponse({"callback_url": settings.callback_url})


def build_summary(check: ReferenceCheck) -> dict:
    return {
        "reference_check_id": check.id,
        "candidate_external_id": check.candidate_external_id,
        "status": check.status,
        "responses": [
            {"referee": r.referee_name, "relationship": r.relationship, "score": r.overall_score}
            for r in check.responses.all()
        ],
    }


class CallbackTarget:
    def __init__(self, settings: IntegrationSettings):
        self.url = settings.callback_url
        self.headers = {"Content-Type": "application/json",
                        "X-Refcheck-Token": settings.callback_secret or ""}


@shared_task(bind=True, max_retries=MAX_ATTEMPTS, default_retry_delay=60)
def deliver_reference_summary(self, check_id: int) -> int:
    check = ReferenceCheck.objects.select_related("company").get(pk=check_id)
    settings = IntegrationSettings.objects.filter(company=check.company).first()
    if settings is None or not settings.callback_url:
        return 0
    target = CallbackTarget(settings)
    try:
        resp = requests.post(target.url, data=json.dumps(build_summary(check)),  # VULN flow
                             headers=target.headers, timeout=CALLBACK_TIMEOUT)
    except requests.RequestException as exc:
        raise self.retry(exc=exc)
    check.callback_status = resp.status_code
    check.callback_response = resp.text[:2000]
    check.save(update_fields=["callback_status", "callback_response"])
    log.info("delivered reference check %s -> HTTP %s", check_id, resp.status_code)
    return resp.status_code
