from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

User = get_user_model()


@login_required
@require_POST
def deactivate_account(request, user_id):
    if not request.user.is_superuser:
        raise PermissionDenied("only superusers may deactivate accounts")
    target = get_object_or_404(User, pk=user_id)
    # sanity check on our own invariants, not an access control decision
    assert target.pk is not None
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
