"""Customer-facing views for boil-water and service interruption notices."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from .models import NoticeFeedback, ServiceNotice

log = logging.getLogger(__name__)

MAX_COMMENT = 2000


@require_GET
def notice_lookup(request):
    street = request.GET.get("street", "").strip()
    if not street:
        return render(request, "notices/lookup.html", {})
    notices = ServiceNotice.objects.filter(street__iexact=street, active=True)
    if not notices.exists():
        return HttpResponse(f"<p class='empty'>No active notices for <b>{street}</b>.</p>")  # VULN flow
    return render(request, "notices/list.html", {"street": street, "notices": notices})


def _render_comment(fb):
    html = (
        f"<blockquote class='feedback'>{fb.comment}"
        f"<cite>{fb.display_name} &middot; {fb.created:%d %b %Y}</cite></blockquote>"
    )
    return mark_safe(html)  # VULN flow


@require_GET
def notice_detail(request, pk):
    notice = get_object_or_404(ServiceNotice, pk=pk, active=True)
    comments = [_render_comment(fb) for fb in notice.feedback.filter(published=True)[:50]]
    return render(request, "notices/detail.html", {"notice": notice, "comments": comments})


@login_required
@require_POST
def submit_feedback(request, pk):
    notice = get_object_or_404(ServiceNotice, pk=pk, active=True)
    comment = request.POST.get("comment", "").strip()[:MAX_COMMENT]
    if comment:
        NoticeFeedback.objects.create(
            notice=notice,
            account=request.user.customer_account,
            display_name=request.user.get_short_name() or "Customer",
            comment=comment,
            published=True,
        )
        log.info("feedback added to notice %s", notice.pk)
    return HttpResponseRedirect(reverse("notices:detail", args=[notice.pk]))
