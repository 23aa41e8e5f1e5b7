"""Login / logout views for the broadband self-care portal."""
import logging

from django import forms
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/dashboard/"


class LoginForm(forms.Form):
    account_number = forms.CharField(max_length=16)
    password = forms.CharField(widget=forms.PasswordInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _landing_for(request, param: str = "next", default: str = DEFAULT_LANDING) -> str:
    target = request.POST.get(param) or request.GET.get(param)
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


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
    return HttpResponseRedirect(next_url)


def portal_logout(request):
    logout(request)
    return redirect(_landing_for(request, "return_to", "/"))
