"""Residential parking permits portal: login and permit renewal views (Django)."""
import logging
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .models import Permit

logger = logging.getLogger("parking.portal")

DEFAULT_LANDING = "/permits/"


def _post_login_target(request):
    return request.POST.get("next") or request.GET.get("next") or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        return render(request, "parking/login.html", {"next": request.GET.get("next", "")})
    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    user = authenticate(request, username=username, password=password)
    if user is None:
        logger.warning("failed permit portal login for %s", username)  # VULN flow
        messages.error(request, "Invalid username or password.")
        return render(request, "parking/login.html", {"next": request.POST.get("next", "")}, status=401)
    login(request, user)
    target = _post_login_target(request)
    return HttpResponseRedirect(target)  # VULN flow


@login_required
def permit_list(request):
    permits = Permit.objects.filter(holder=request.user).order_by("-valid_until")
    return render(request, "parking/permits.html", {"permits": permits, "today": timezone.localdate()})


@login_required
@require_http_methods(["POST"])
def renew_permit(request, permit_id):
    permit = get_object_or_404(Permit, pk=permit_id, holder=request.user)
    if permit.valid_until > timezone.localdate() + timedelta(days=30):
        messages.info(request, "This permit is not yet due for renewal.")
        return HttpResponseRedirect(DEFAULT_LANDING)
    permit.renew(months=12)
    logger.info("permit %s renewed by user %s until %s", permit.pk, request.user.pk, permit.valid_until)
    messages.success(request, "Permit renewed.")
    return HttpResponseRedirect(DEFAULT_LANDING)
