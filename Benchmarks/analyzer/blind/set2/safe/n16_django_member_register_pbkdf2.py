import base64
import hashlib
import hmac
import os

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from members.models import Member

ITERATIONS = 600_000


def hash_password(raw, salt=None):
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", raw.encode("utf-8"), salt, ITERATIONS)
    return "pbkdf2_sha256$%d$%s$%s" % (ITERATIONS, base64.b64encode(salt).decode(), base64.b64encode(digest).decode())


def check_password(raw, stored):
    _, iterations, salt_b64, digest_b64 = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", raw.encode("utf-8"), base64.b64decode(salt_b64), int(iterations))
    return hmac.compare_digest(candidate, base64.b64decode(digest_b64))


@require_POST
def register(request):
    email = request.POST.get("email", "").strip().lower()
    raw = request.POST.get("password", "")
    if not email or len(raw) < 8:
        return JsonResponse({"error": "email and 8+ char password required"}, status=400)
    if Member.objects.filter(email=email).exists():
        return JsonResponse({"error": "already registered"}, status=409)
    member = Member.objects.create(email=email, password_hash=hash_password(raw))
    return JsonResponse({"id": member.pk}, status=201)
