"""Login / tenant-switch views for the SOC portal (soc_portal/accounts/views.py)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .models import TenantMembership

audit = logging.getLogger("soc_portal.audit")

DEFAULT_LANDING = "/soc/queue/"


def _next_target(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target.strip() or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def soc_login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "accounts/login.html", {"next": request.GET.get("next", "")})

    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        audit.warning("failed portal login from %s", request.META.get("REMOTE_ADDR"))
        return render(request, "accounts/login.html", {"error": "Invalid credentials"}, status=401)

    login(request, user)
    audit.info("portal login user_id=%d", user.pk)
    target = _next_target(request)
    return HttpResponseRedirect(target)  # VULN flow


def soc_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("/soc/login/")


@login_required
def switch_tenant(request: HttpRequest, tenant_slug: str) -> HttpResponse:
    membership = TenantMembership.objects.filter(user=request.user, tenant__slug=tenant_slug).first()
    if membership is None:
        return HttpResponse("Not a member of that tenant", status=403)
    request.session["active_tenant"] = membership.tenant_id
    audit.info("user_id=%d switched to tenant_id=%d", request.user.pk, membership.tenant_id)
    return redirect(request.GET.get("return_to", DEFAULT_LANDING))  # VULN
