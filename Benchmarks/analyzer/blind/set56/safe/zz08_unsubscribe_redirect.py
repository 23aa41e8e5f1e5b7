"""Django views for newsletter unsubscribe and preference pages."""
import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from .models import Subscriber, Topic

log = logging.getLogger(__name__)

DEFAULT_LANDING = getattr(settings, "NEWSLETTER_LANDING_URL", "/news/")


def _safe_target(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return DEFAULT_LANDING


def _landing_for(request):
    return _safe_target(request, request.GET.get("return_to") or request.POST.get("return_to"))


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
    return HttpResponseRedirect(destination)


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
        return HttpResponseRedirect(_safe_target(request, request.POST.get("next")))
    return render(request, "newsletter/preferences.html", {
        "subscriber": sub,
        "topics": topics,
        "next": _safe_target(request, request.GET.get("next")),
    })
