import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse

INVOICE_DIR = os.path.join(settings.MEDIA_ROOT, "invoices")


class InvoiceLocator:
    def __init__(self, account_id):
        self.root = os.path.join(INVOICE_DIR, str(account_id))

    def path_for(self, filename):
        return os.path.join(self.root, filename)


@login_required
def download_invoice(request):
    name = request.GET.get("file", "")
    locator = InvoiceLocator(request.user.account_id)
    path = locator.path_for(name)
    if not os.path.exists(path):
        return HttpResponse(f"<h3>Invoice {name} was not found</h3>", status=404)  # VULN flow
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow


@login_required
def invoice_index(request):
    locator = InvoiceLocator(request.user.account_id)
    try:
        names = sorted(os.listdir(locator.root))
    except FileNotFoundError:
        names = []
    return HttpResponse("\n".join(names), content_type="text/plain")
