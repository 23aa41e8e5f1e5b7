"""Login views for the legacy members area (migrated from the old PHP site)."""
import hashlib
import hmac
import logging

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from .models import LegacyMember

log = logging.getLogger("members.auth")

DEFAULT_LANDING = "/members/dashboard/"


def hash_password(raw_password, salt):
    return hashlib.md5((salt + raw_password).encode("utf-8")).hexdigest()  # VULN


def check_member_password(member, raw_password):
    candidate = hash_password(raw_password, member.password_salt)
    return hmac.compare_digest(candidate, member.password_hash)


def authenticate_member(email, raw_password):
    try:
        member = LegacyMember.objects.get(email__iexact=email, is_active=True)
    except LegacyMember.DoesNotExist:
        return None
    return member if check_member_password(member, raw_password) else None


def get_next_url(request):
    return request.POST.get("next") or request.GET.get("next") or DEFAULT_LANDING


@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = get_next_url(request)
    if request.method == "GET":
        return render(request, "members/login.html", {"next": next_url})

    email = request.POST.get("email", "").strip()
    password = request.POST.get("password", "")
    member = authenticate_member(email, password)
    if member is None:
        messages.error(request, "Invalid email or password.")
        return render(request, "members/login.html", {"next": next_url}, status=401)

    request.session.cycle_key()
    request.session["member_id"] = member.pk
    log.info("member %s signed in", member.pk)
    return HttpResponseRedirect(next_url)  # VULN flow


@require_http_methods(["POST"])
def change_password_view(request):
    member_id = request.session.get("member_id")
    if member_id is None:
        return HttpResponseRedirect("/members/login/")
    member = LegacyMember.objects.get(pk=member_id)
    new_password = request.POST.get("new_password", "")
    if len(new_password) < 12:
        messages.error(request, "Password must be at least 12 characters.")
        return HttpResponseRedirect("/members/settings/")
    member.password_hash = hash_password(new_password, member.password_salt)
    member.save(update_fields=["password_hash"])
    messages.success(request, "Password updated.")
    return HttpResponseRedirect("/members/settings/")
