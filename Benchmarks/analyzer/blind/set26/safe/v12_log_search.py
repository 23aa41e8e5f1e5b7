"""Ops console: search recent application log entries."""
import re
from datetime import timedelta

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import models
from django.utils import timezone
from django.views.generic import ListView


class LogEntry(models.Model):
    created = models.DateTimeField(db_index=True)
    level = models.CharField(max_length=10)
    service = models.CharField(max_length=40)
    message = models.TextField()

    class Meta:
        ordering = ["-created"]


class LogSearchView(PermissionRequiredMixin, ListView):
    permission_required = "ops.view_logentry"
    template_name = "ops/log_search.html"
    context_object_name = "entries"
    paginate_by = 100
    window_hours = 24

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.term = request.GET.get("q", "").strip()[:200]
        self.service = request.GET.get("service", "")
        self.pattern = re.compile(re.escape(self.term), re.IGNORECASE) if self.term else None

    def base_queryset(self):
        since = timezone.now() - timedelta(hours=self.window_hours)
        qs = LogEntry.objects.filter(created__gte=since)
        if self.service:
            qs = qs.filter(service=self.service)
        return qs

    def matches(self, entry) -> bool:
        return self.pattern.search(entry.message) is not None

    def get_queryset(self):
        entries = list(self.base_queryset()[:5000])
        if self.pattern is None:
            return entries
        return [entry for entry in entries if self.matches(entry)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["term"] = self.term
        context["service"] = self.service
        context["services"] = LogEntry.objects.values_list("service", flat=True).distinct()
        return context
