import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Organization, Payslip


@login_required
def export_payroll(request, org_id):
    org = get_object_or_404(Organization, pk=org_id)
    assert request.user.has_perm("payroll.export_payslips", org)  # VULN

    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="payroll-{org.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["employee", "period", "gross", "net"])
    payslips = Payslip.objects.filter(employee__organization=org).select_related("employee")
    for slip in payslips.order_by("period", "employee__last_name"):
        writer.writerow([slip.employee.full_name, slip.period, slip.gross, slip.net])
    return response
