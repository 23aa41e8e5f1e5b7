"""Rider web login and post-login routing (Django)."""
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("rider.auth")

DEFAULT_LANDING = "/rides/"


class LoginForm(forms.Form):
    phone = forms.CharField(max_length=20)
    password = forms.CharField(widget=forms.PasswordInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def landing_for(request, requested):
    """Pick where to send the rider once authenticated."""
    if requested:
        return requested
    if request.session.get("pending_trip"):
        return "/rides/%s/track/" % request.session["pending_trip"]
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def rider_login(request):
    if request.method == "GET":
        form = LoginForm(initial={"next": request.GET.get("next", "")})
        return render(request, "rider/login.html", {"form": form})

    form = LoginForm(request.POST)
    if not form.is_valid():
        return render(request, "rider/login.html", {"form": form}, status=400)

    user = authenticate(
        request,
        username=form.cleaned_data["phone"],
        password=form.cleaned_data["password"],
    )
    if user is None:
        form.add_error(None, "Phone number or password is incorrect.")
        return render(request, "rider/login.html", {"form": form}, status=401)

    login(request, user)
    target = landing_for(request, form.cleaned_data.get("next"))
    log.info("rider %s signed in", user.pk)
    return HttpResponseRedirect(target)  # VULN flow


def rider_logout(request):
    logout(request)
    return HttpResponseRedirect(request.GET.get("return_to") or settings.LOGOUT_REDIRECT_URL)  # VULN


def app_handoff(request):
    """Deep-link from the mobile app into the web account pages."""
    section = request.GET.get("section", "profile")
    allowed = {"profile": "/account/", "payments": "/account/payments/", "trips": "/rides/"}
    return HttpResponseRedirect(allowed.get(section, "/account/"))
