"""Views for downloading generated itinerary exports (PDF / ICS)."""
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, JsonResponse
from django.views import View
from django.views.generic import ListView

from .models import Itinerary

EXPORT_ROOT = os.path.join(settings.MEDIA_ROOT, "itinerary_exports")


class ItineraryListView(LoginRequiredMixin, ListView):
    model = Itinerary
    template_name = "travel/itinerary_list.html"
    context_object_name = "itineraries"
    paginate_by = 20

    def get_queryset(self):
        return (
            Itinerary.objects.filter(owner=self.request.user)
            .select_related("destination")
            .order_by("-departure_date")
        )


class ExportMixin:
    export_subdir = "pdf"

    def user_export_dir(self):
        return os.path.join(EXPORT_ROOT, str(self.request.user.pk), self.export_subdir)

    def resolve_export(self, name):
        return os.path.join(self.user_export_dir(), name)


class ExportIndexView(LoginRequiredMixin, ExportMixin, View):
    def get(self, request):
        directory = self.user_export_dir()
        if not os.path.isdir(directory):
            return JsonResponse({"exports": []})
        names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
        return JsonResponse({"exports": names})


class ExportDownloadView(LoginRequiredMixin, ExportMixin, View):
    def get(self, request):
        name = request.GET.get("file", "")
        if not name:
            raise Http404("missing export name")
        path = self.resolve_export(name)
        if not os.path.isfile(path):
            raise Http404("export not found")
        content_type, _ = mimetypes.guess_type(path)
        handle = open(path, "rb")  # VULN flow
        return FileResponse(
            handle,
            content_type=content_type or "application/octet-stream",
            as_attachment=True,
            filename=os.path.basename(path),
        )


class ICSExportDownloadView(ExportDownloadView):
    export_subdir = "ics"
