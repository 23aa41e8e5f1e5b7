"""Payroll portal views: shop-floor kiosk PIN login and signed payslip downloads."""
import hashlib
import hmac
import time
from urllib.parse import urlencode

from django.http import FileResponse, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .models import Employee, Payslip

PAYSLIP_LINK_KEY = b"pr-2f8c1e77b9a04d6e9c1f5a3b8d2e7f60"  # VULN
LINK_TTL_SECONDS = 15 * 60


def hash_pin(pin: str) -> str:
    return hashlib.md5(pin.encode("utf-8")).hexdigest()  # VULN


def sign_payslip_link(payslip_id: int, expires: int) -> str:
    message = f"{payslip_id}:{expires}".encode()
    return hmac.new(PAYSLIP_LINK_KEY, message, hashlib.sha256).hexdigest()


def build_download_url(payslip: Payslip) -> dict:
    expires = int(time.time()) + LINK_TTL_SECONDS
    query = urlencode({"expires": expires, "sig": sign_payslip_link(payslip.pk, expires)})
    path = reverse("payroll:download", args=[payslip.pk])
    return {"period": payslip.period_end.isoformat(), "url": f"{path}?{query}"}


@require_POST
def kiosk_login(request):
    badge = request.POST.get("badge", "")
    pin = request.POST.get("pin", "")
    employee = Employee.objects.filter(badge_number=badge, active=True).first()
    if employee is None or not hmac.compare_digest(employee.pin_hash, hash_pin(pin)):
        return HttpResponseForbidden("invalid badge or PIN")
    request.session["employee_id"] = employee.pk
    recent = employee.payslips.order_by("-period_end")[:6]
    return JsonResponse({"name": employee.display_name,
                         "payslips": [build_download_url(p) for p in recent]})


@require_POST
def change_pin(request):
    employee = get_object_or_404(Employee, pk=request.session.get("employee_id"))
    new_pin = request.POST.get("new_pin", "")
    if not (new_pin.isdigit() and 6 <= len(new_pin) <= 8):
        return HttpResponseBadRequest("PIN must be 6-8 digits")
    employee.pin_hash = hash_pin(new_pin)
    employee.save(update_fields=["pin_hash"])
    return JsonResponse({"ok": True})


@require_GET
def download_payslip(request, payslip_id: int):
    try:
        expires = int(request.GET.get("expires", "0"))
    except ValueError:
        return HttpResponseBadRequest("bad expiry")
    signature = request.GET.get("sig", "")
    if expires < time.time():
        return HttpResponseForbidden("link expired")
    if not hmac.compare_digest(signature, sign_payslip_link(payslip_id, expires)):
        return HttpResponseForbidden("bad signature")
    payslip = get_object_or_404(Payslip, pk=payslip_id)
    if request.session.get("employee_id") != payslip.employee_id:
        return HttpResponseForbidden("not your payslip")
    return FileResponse(payslip.pdf.open("rb"), as_attachment=True,
                        filename=f"payslip-{payslip.period_end:%Y-%m}.pdf")
