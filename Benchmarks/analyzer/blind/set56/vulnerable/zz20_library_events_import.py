"""Django views: bulk import of library programme events from YAML files.

Branch managers export their events from the old calendar tool as YAML and
upload them here.
"""
import logging
from datetime import datetime

import yaml
from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.shortcuts import redirect, render

from .models import Branch, Event

log = logging.getLogger(__name__)


class EventImportForm(forms.Form):
    branch = forms.ModelChoiceField(queryset=Branch.objects.all())
    calendar_file = forms.FileField()


def parse_calendar(raw: bytes):
    text = raw.decode("utf-8-sig")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "events" not in doc:
        raise ValueError("calendar file must contain an 'events' list")
    for item in doc["events"]:
        yield {
            "title": str(item["title"])[:200],
            "starts_at": datetime.fromisoformat(str(item["start"])),
            "ends_at": datetime.fromisoformat(str(item["end"])),
            "audience": str(item.get("audience", "all ages"))[:50],
            "room": str(item.get("room", ""))[:80],
            "description": str(item.get("description", "")),
        }


@login_required
@permission_required("events.add_event", raise_exception=True)
def import_events(request):
    if request.method == "POST":
        form = EventImportForm(request.POST, request.FILES)
        if form.is_valid():
            branch = form.cleaned_data["branch"]
            upload = form.cleaned_data["calendar_file"]
            try:
                rows = list(parse_calendar(upload.read()))
            except (ValueError, KeyError, yaml.YAMLError) as exc:
                form.add_error("calendar_file", f"Could not read calendar: {exc}")
            else:
                with transaction.atomic():
                    for row in rows:
                        Event.objects.update_or_create(
                            branch=branch, title=row["title"], starts_at=row["starts_at"], defaults=row
                        )
                log.info("imported %d events for branch %s", len(rows), branch.pk)
                return redirect("events:branch-calendar", branch_id=branch.pk)
    else:
        form = EventImportForm()
    return render(request, "events/import.html", {"form": form})
