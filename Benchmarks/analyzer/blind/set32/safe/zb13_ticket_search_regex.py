"""Helpdesk ticket search for IT support staff."""
import logging
import re

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Ticket

logger = logging.getLogger(__name__)

MAX_SCAN = 2000


class TicketSearchForm(forms.Form):
    pattern = forms.CharField(max_length=200)
    status = forms.ChoiceField(
        choices=[("open", "Open"), ("pending", "Pending"), ("closed", "Closed")],
        required=False,
    )
    case_sensitive = forms.BooleanField(required=False)


class TicketMatcher:
    def __init__(self, pattern, case_sensitive=False):
        self.pattern = pattern
        self.flags = 0 if case_sensitive else re.IGNORECASE
        self._compiled = None

    @property
    def compiled(self):
        if self._compiled is None:
            self._compiled = re.compile(re.escape(self.pattern), self.flags)
        return self._compiled

    def matches(self, ticket):
        haystack = f"{ticket.subject}\n{ticket.body}"
        return self.compiled.search(haystack) is not None


@login_required
@permission_required("helpdesk.view_ticket", raise_exception=True)
@require_GET
def search_tickets(request):
    form = TicketSearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)

    matcher = TicketMatcher(form.cleaned_data["pattern"], form.cleaned_data["case_sensitive"])
    qs = Ticket.objects.order_by("-created_at")
    if form.cleaned_data["status"]:
        qs = qs.filter(status=form.cleaned_data["status"])

    try:
        hits = [t for t in qs[:MAX_SCAN] if matcher.matches(t)]
    except re.error:
        return JsonResponse({"errors": {"pattern": ["invalid pattern"]}}, status=400)

    logger.info("ticket search by %s pattern=%r hits=%d",
                request.user.pk, form.cleaned_data["pattern"], len(hits))
    return JsonResponse({
        "count": len(hits),
        "results": [
            {"id": t.pk, "subject": t.subject, "status": t.status, "created_at": t.created_at.isoformat()}
            for t in hits[:100]
        ],
    })
