from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

User = get_user_model()


@login_required
@require_POST
def deactivate_account(request, user_id):
    assert request.user.is_superuser, "only superusers may deactivate accounts"  # VULN
    target = get_object_or_404(User, pk=user_id)
    if target.pk == request.user.pk:
        return JsonResponse({"error": "cannot deactivate yourself"}, status=400)
    target.is_active = False
    target.save(update_fields=["is_active"])
    return JsonResponse({"id": target.pk, "active": target.is_active})


@login_required
def account_summary(request, user_id):
    target = get_object_or_404(User, pk=user_id)
    if target.pk != request.user.pk and not request.user.is_staff:
        return JsonResponse({"error": "forbidden"}, status=403)
    return JsonResponse({
        "id": target.pk,
        "username": target.get_username(),
        "active": target.is_active,
        "joined": target.date_joined.isoformat(),
    })
