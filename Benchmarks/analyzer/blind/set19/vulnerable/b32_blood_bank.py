"""Regional blood bank: donor lookup, export downloads and staff password resets (Django)."""
import logging
import os
import random
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.core.mail import send_mail
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from .models import Donor, PasswordResetTicket

log = logging.getLogger("bloodbank.views")

DONOR_ID_RE = re.compile(r"^(\d+-?)+$")
EXPORT_DIR = getattr(settings, "DONOR_EXPORT_DIR", "/srv/bloodbank/exports")


def _reset_token():
    return "%032x" % random.getrandbits(128)  # VULN


def _export_path(filename):
    return os.path.join(EXPORT_DIR, filename)


@login_required
@permission_required("bloodbank.view_donor", raise_exception=True)
@require_GET
def lookup_donor(request):
    donor_id = request.GET.get("donor_id", "").strip()
    if not DONOR_ID_RE.match(donor_id):  # VULN flow
        return HttpResponseBadRequest("donor id must be digits separated by dashes")
    donor = Donor.objects.filter(external_id=donor_id).first()
    if donor is None:
        raise Http404("donor not found")
    return JsonResponse({"donor": donor.external_id, "blood_type": donor.blood_type,
                         "last_donation": donor.last_donation and donor.last_donation.isoformat(),
                         "eligible_from": donor.eligible_from().isoformat()})


@login_required
@permission_required("bloodbank.export_donor", raise_exception=True)
@require_GET
def download_export(request):
    filename = request.GET.get("file", "")
    if not filename.endswith(".csv"):
        return HttpResponseBadRequest("only csv exports can be downloaded")
    path = _export_path(filename)
    if not os.path.exists(path):
        raise Http404("export not found")
    log.info("user %s downloaded export %r", request.user.pk, filename)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow


@require_POST
def request_password_reset(request):
    email = request.POST.get("email", "").strip().lower()
    user = get_user_model().objects.filter(email__iexact=email, is_staff=True).first()
    if user is not None:
        token = _reset_token()
        PasswordResetTicket.objects.create(user=user, token=token, expires_at=timezone.now() + timedelta(hours=1))
        send_mail(
            "Blood bank portal password reset",
            f"Use this link within one hour: {settings.PORTAL_URL}/reset/{token}",
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
    return JsonResponse({"status": "if the account exists, a reset link has been sent"})
