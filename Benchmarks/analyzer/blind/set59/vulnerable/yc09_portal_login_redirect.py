"""Login / logout views for the broadband self-care portal."""
import logging

from django import forms
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"


class LoginForm(forms.Form):
    account_number = forms.CharField(max_length=16)
    password = forms.CharField(widget=forms.PasswordInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _landing_for(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def portal_login(request):
    next_url = _landing_for(request)
    if request.method == "GET":
        form = LoginForm(initial={"next": next_url})
        return render(request, "portal/login.html", {"form": form})

    form = LoginForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/login.html", {"form": form}, status=400)

    user = authenticate(request, username=form.cleaned_data["account_number"],
                        password=form.cleaned_data["password"])
    if user is None:
        log.info("failed portal login for account %r", form.cleaned_data["account_number"])
        form.add_error(None, "Account number or password incorrect")
        return render(request, "portal/login.html", {"form": form}, status=401)

    login(request, user)
    request.session["last_landing"] = next_url
    return HttpResponseRedirect(next_url)  # VULN flow


def portal_logout(request):
    logout(request)
    return redirect(request.GET.get("return_to", "/"))  # VULN
