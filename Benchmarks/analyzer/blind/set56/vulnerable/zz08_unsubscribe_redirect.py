"""Django views for newsletter unsubscribe and preference pages."""
import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from .models import Subscriber, Topic

log = logging.getLogger(__name__)

DEFAULT_LANDING = getattr(settings, "NEWSLETTER_LANDING_URL", "/news/")


def _landing_for(request):
    return request.GET.get("return_to") or request.POST.get("return_to") or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    sub = get_object_or_404(Subscriber, unsubscribe_token=token)
    if request.method == "GET":
        return render(request, "newsletter/unsubscribe_confirm.html", {
            "subscriber": sub,
            "return_to": _landing_for(request),
        })
    sub.active = False
    sub.save(update_fields=["active"])
    log.info("subscriber %s unsubscribed", sub.pk)
    messages.success(request, "You have been unsubscribed.")
    destination = _landing_for(request)
    return HttpResponseRedirect(destination)  # VULN flow


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    sub = get_object_or_404(Subscriber, unsubscribe_token=token)
    topics = Topic.objects.filter(public=True).order_by("name")
    if request.method == "POST":
        chosen = set(request.POST.getlist("topics"))
        sub.topics.set([t for t in topics if str(t.pk) in chosen])
        sub.frequency = request.POST.get("frequency", "weekly")
        sub.save()
        messages.success(request, "Preferences saved.")
        return HttpResponseRedirect(request.POST.get("next", DEFAULT_LANDING))  # VULN
    return render(request, "newsletter/preferences.html", {
        "subscriber": sub,
        "topics": topics,
        "next": request.GET.get("next", DEFAULT_LANDING),
    })
