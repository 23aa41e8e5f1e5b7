"""Coupon eligibility API for the retail storefront."""
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Coupon


class CouponSerializer(serializers.ModelSerializer):
    class Meta:
        model = Coupon
        fields = ["code", "description", "percent_off", "min_basket", "category", "region", "expires_at"]


class EligibilityQuerySerializer(serializers.Serializer):
    category = serializers.CharField(max_length=40)
    region = serializers.CharField(max_length=8)
    basket_total = serializers.DecimalField(max_digits=10, decimal_places=2)


class CouponViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CouponSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "code"

    def get_queryset(self):
        return Coupon.objects.filter(active=True, expires_at__gt=timezone.now())

    @staticmethod
    def _eligible_sql(category, region):
        return (
            "SELECT * FROM shop_coupon WHERE active = TRUE AND expires_at > NOW() "
            f"AND (category = '{category}' OR category = 'all') "
            f"AND (region = '{region}' OR region = 'global') "
            "ORDER BY percent_off DESC"
        )

    @action(detail=False, methods=["get"])
    def eligible(self, request):
        params = EligibilityQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        sql = self._eligible_sql(data["category"], data["region"])
        coupons = [c for c in Coupon.objects.raw(sql) if c.min_basket <= data["basket_total"]]  # VULN flow
        return Response(CouponSerializer(coupons, many=True).data)

    @action(detail=True, methods=["post"])
    def quote(self, request, code=None):
        coupon = self.get_object()
        basket_total = Decimal(str(request.data.get("basket_total", "0")))
        if basket_total < coupon.min_basket:
            return Response({"detail": "basket below minimum"}, status=400)
        discount = (basket_total * coupon.percent_off / Decimal(100)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        return Response({
            "code": coupon.code,
            "discount": str(discount),
            "total_after_discount": str(basket_total - discount),
        })
