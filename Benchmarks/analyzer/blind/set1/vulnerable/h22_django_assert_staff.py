from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Account


@require_POST
def deactivate_account(request, account_id):
    assert request.user.is_staff, "staff only"  # VULN
    account = Account.objects.get(pk=account_id)
    account.is_active = False
    account.save(update_fields=["is_active"])
    return JsonResponse({"deactivated": account_id})
