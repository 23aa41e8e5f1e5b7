"""Customer portal views: login / logout for the repair-shop booking portal."""
import logging

from django import forms
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

log = logging.getLogger("portal.auth")


class LoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _is_local(request, target: str) -> bool:
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _post_login_target(request, form=None) -> str:
    target = ""
    if form is not None:
        target = form.cleaned_data.get("next") or ""
    if not target:
        target = request.GET.get("next", "")
    if target and _is_local(request, target):
        return target
    return reverse("portal:dashboard")


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        form = LoginForm(initial={"next": request.GET.get("next", "")})
        return render(request, "portal/login.html", {"form": form})

    form = LoginForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/login.html", {"form": form}, status=400)

    user = authenticate(
        request,
        username=form.cleaned_data["email"],
        password=form.cleaned_data["password"],
    )
    if user is None:
        log.info("failed portal login for %r", form.cleaned_data["email"])
        form.add_error(None, "Email or password is incorrect.")
        return render(request, "portal/login.html", {"form": form}, status=401)

    login(request, user)
    next_url = _post_login_target(request, form)
    return HttpResponseRedirect(next_url)


def logout_view(request):
    logout(request)
    target = request.GET.get("next") or ""
    if not (target and _is_local(request, target)):
        target = reverse("portal:login")
    return HttpResponseRedirect(target)
