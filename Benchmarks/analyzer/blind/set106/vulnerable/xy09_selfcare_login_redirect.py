"""Self-care portal login / logout views (customers manage SIMs and bills)."""
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("selfcare.auth")

DEFAULT_LANDING = "/account/overview/"


class LoginForm(forms.Form):
    msisdn = forms.CharField(max_length=16)
    password = forms.CharField(widget=forms.PasswordInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _landing_for(request, candidate):
    target = candidate or request.session.pop("post_login_target", None)
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        form = LoginForm(initial={"next": request.GET.get("next", "")})
        return render(request, "selfcare/login.html", {"form": form})

    form = LoginForm(request.POST)
    if not form.is_valid():
        return render(request, "selfcare/login.html", {"form": form}, status=400)

    user = authenticate(request, username=form.cleaned_data["msisdn"],
                        password=form.cleaned_data["password"])
    if user is None:
        log.info("failed self-care login for %r", form.cleaned_data["msisdn"])
        form.add_error(None, "Wrong number or password")
        return render(request, "selfcare/login.html", {"form": form}, status=401)

    login(request, user)
    destination = _landing_for(request, form.cleaned_data.get("next"))
    return HttpResponseRedirect(destination)  # VULN flow


def logout_view(request):
    logout(request)
    back_to = request.GET.get("continue", settings.LOGIN_URL)
    return HttpResponseRedirect(back_to)  # VULN flow


def remember_target(request):
    """Called by the 'top up' link shown on SMS receipts before login."""
    request.session["post_login_target"] = request.GET.get("to", DEFAULT_LANDING)
    return HttpResponseRedirect(settings.LOGIN_URL)
