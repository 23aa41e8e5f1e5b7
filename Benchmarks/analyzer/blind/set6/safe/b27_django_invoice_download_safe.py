import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils.html import escape

INVOICE_DIR = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "invoices"))


class InvoiceLocator:
    def __init__(self, account_id):
        self.root = os.path.join(INVOICE_DIR, str(int(account_id)))

    def path_for(self, filename):
        path = os.path.realpath(os.path.join(self.root, filename))
        if os.path.commonpath([self.root, path]) != self.root:
            raise Http404("no such invoice")
        return path


@login_required
def download_invoice(request):
    name = request.GET.get("file", "")
    locator = InvoiceLocator(request.user.account_id)
    path = locator.path_for(name)
    if not os.path.isfile(path):
        return HttpResponse(f"<h3>Invoice {escape(name)} was not found</h3>", status=404)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))


@login_required
def invoice_index(request):
    locator = InvoiceLocator(request.user.account_id)
    try:
        names = sorted(os.listdir(locator.root))
    except FileNotFoundError:
        names = []
    return HttpResponse("\n".join(names), content_type="text/plain")
