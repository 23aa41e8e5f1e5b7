import secrets
from datetime import datetime, timedelta, timezone

from django.core.mail import send_mail
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from accounts.models import PasswordReset, User


def make_reset_token(nbytes=32):
    return secrets.token_urlsafe(nbytes)


@require_POST
def request_reset(request):
    email = request.POST.get("email", "")
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        token = make_reset_token()
        expires = datetime.now(timezone.utc) + timedelta(hours=1)
        PasswordReset.objects.create(user=user, token=token, expires=expires)
        send_mail("Password reset", f"https://example.com/reset/{token}", None, [user.email])
    return JsonResponse({"sent": True})
