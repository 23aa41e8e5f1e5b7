"""Newsletter unsubscribe views (Django).

Links in every campaign mail look like
    https://mail.example.com/u/<signed-token>/?next=<landing page>
"""
import logging

from django.core import signing
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .models import Subscription

log = logging.getLogger(__name__)

TOKEN_SALT = "newsletter.unsubscribe"
TOKEN_MAX_AGE = 60 * 60 * 24 * 90
DEFAULT_LANDING = "/newsletter/unsubscribed/"


def load_token(token: str):
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


def landing_url(request, fallback: str = DEFAULT_LANDING) -> str:
    return request.POST.get("next") or request.GET.get("next") or fallback


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    data = load_token(token)
    if data is None:
        return HttpResponseBadRequest("This link is invalid or has expired.")
    sub = get_object_or_404(Subscription, pk=data["sid"])

    if request.method == "GET":
        return render(request, "newsletter/confirm_unsubscribe.html", {
            "subscription": sub,
            "next": request.GET.get("next", ""),
        })

    lists = request.POST.getlist("lists") or [sub.list_slug]
    updated = Subscription.objects.filter(email=sub.email, list_slug__in=lists).update(active=False)
    log.info("subscription %s unsubscribed from %d lists", sub.pk, updated)
    target = landing_url(request)
    return HttpResponseRedirect(target)  # VULN flow


@csrf_exempt
@require_POST
def one_click(request, token):
    """RFC 8058 List-Unsubscribe-Post handler used by mailbox providers."""
    data = load_token(token)
    if data is None:
        return HttpResponseBadRequest("invalid token")
    Subscription.objects.filter(pk=data["sid"]).update(active=False)
    return HttpResponse(status=204)
