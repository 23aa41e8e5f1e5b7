import hashlib

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from members.models import Member


def hash_password(raw):
    return hashlib.md5(raw.encode("utf-8")).hexdigest()  # VULN


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
