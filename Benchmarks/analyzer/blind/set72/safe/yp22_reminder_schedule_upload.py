"""Clinic admins upload appointment-reminder schedules as YAML, e.g.::

    clinic: dermatology-east
    reminders:
      - offset_hours: 48
        channel: sms
        template: visit_48h
      - offset_hours: 2
        channel: push
        template: visit_join_link
"""
import json
import logging

import yaml
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_protect

from reminders.models import ReminderRule, ReminderSchedule

log = logging.getLogger("reminders.upload")

CHANNELS = {"sms", "email", "push"}
MAX_UPLOAD = 64 * 1024


class ScheduleError(ValueError):
    pass


def parse_schedule(text: str) -> dict:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict) or "reminders" not in doc:
        raise ScheduleError("document must contain a 'reminders' list")
    rules = []
    for item in doc["reminders"]:
        hours = int(item["offset_hours"])
        channel = str(item["channel"])
        if channel not in CHANNELS or not 0 < hours <= 24 * 14:
            raise ScheduleError("invalid reminder entry: %s" % json.dumps(item, default=str))
        rules.append({"offset_hours": hours, "channel": channel, "template": str(item["template"])})
    return {"clinic": str(doc.get("clinic", "")), "rules": rules}


@method_decorator(csrf_protect, name="dispatch")
class ScheduleUploadView(LoginRequiredMixin, View):
    def post(self, request, clinic_id: int):
        if not request.user.has_perm("reminders.change_reminderschedule"):
            return JsonResponse({"error": "forbidden"}, status=403)
        upload = request.FILES.get("schedule")
        if upload is None or upload.size > MAX_UPLOAD:
            return HttpResponseBadRequest("schedule file missing or too large")
        text = upload.read().decode("utf-8", errors="replace")
        try:
            parsed = parse_schedule(text)
        except (ScheduleError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
            return JsonResponse({"error": str(exc)}, status=400)

        schedule, _ = ReminderSchedule.objects.get_or_create(clinic_id=clinic_id)
        schedule.rules.all().delete()
        ReminderRule.objects.bulk_create(
            ReminderRule(schedule=schedule, **rule) for rule in parsed["rules"]
        )
        log.info("clinic %s reminder schedule replaced (%d rules)", clinic_id, len(parsed["rules"]))
        return JsonResponse({"clinic_id": clinic_id, "rules": parsed["rules"]})
