from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .models import Order


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("number", "customer_link", "status_badge", "total")
    list_select_related = ("customer",)
    readonly_fields = ("line_items",)

    @admin.display(description="Customer")
    def customer_link(self, obj):
        url = reverse("admin:customers_customer_change", args=[obj.customer_id])
        return format_html('<a href="{}">{}</a>', url, obj.customer.name)

    @admin.display(description="Status")
    def status_badge(self, obj):
        colors = {"paid": "green", "pending": "orange", "refunded": "gray"}
        return format_html(
            '<span style="color: {};">{}</span>', colors.get(obj.status, "black"), obj.get_status_display()
        )

    @admin.display(description="Items")
    def line_items(self, obj):
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} &times; {}</li>", ((i.quantity, i.product_name) for i in obj.items.all())),
        )
