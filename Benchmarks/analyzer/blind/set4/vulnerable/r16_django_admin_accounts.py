from django.contrib import admin
from django.utils.safestring import mark_safe

from .models import Account


@admin.action(description="Deactivate selected accounts")
def deactivate_accounts(modeladmin, request, queryset):
    names = []
    for account in queryset.filter(is_active=True):
        account.is_active = False
        account.save(update_fields=["is_active"])
        names.append(account.display_name)
    if names:
        summary = "Deactivated: <strong>%s</strong>" % ", ".join(names)
        modeladmin.message_user(request, mark_safe(summary))  # VULN flow


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("display_name", "email", "is_active", "date_joined")
    list_filter = ("is_active",)
    search_fields = ("display_name", "email")
    actions = [deactivate_accounts]
