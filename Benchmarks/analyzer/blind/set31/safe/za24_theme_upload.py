"""Upload and install storefront themes packaged as zip archives."""
import logging
import os
import shutil
import zipfile

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse_lazy
from django.utils.text import slugify
from django.views.generic import FormView

logger = logging.getLogger(__name__)

ALLOWED_SUFFIXES = {".html", ".css", ".js", ".png", ".jpg", ".svg", ".woff2", ".json"}
MAX_UNCOMPRESSED = 50 * 1024 * 1024


class ThemeUploadForm(forms.Form):
    name = forms.CharField(max_length=60)
    archive = forms.FileField()

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError("Upload a .zip theme package.")
        upload.seek(0)
        return upload


def install_theme(upload, destination):
    os.makedirs(destination, exist_ok=True)
    root = os.path.realpath(destination)
    installed = 0
    with zipfile.ZipFile(upload) as bundle:
        entries = [
            info for info in bundle.infolist()
            if not info.is_dir()
            and os.path.splitext(info.filename)[1].lower() in ALLOWED_SUFFIXES
        ]
        if sum(info.file_size for info in entries) > MAX_UNCOMPRESSED:
            raise ValueError("theme package is too large once extracted")
        for info in entries:
            target = os.path.realpath(os.path.join(root, info.filename))
            if not target.startswith(root + os.sep):
                raise ValueError(f"archive entry escapes theme directory: {info.filename!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with bundle.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            installed += 1
    return installed


class ThemeUploadView(PermissionRequiredMixin, FormView):
    permission_required = "storefront.change_theme"
    template_name = "storefront/theme_upload.html"
    form_class = ThemeUploadForm
    success_url = reverse_lazy("storefront:themes")

    def form_valid(self, form):
        slug = slugify(form.cleaned_data["name"])
        if not slug:
            form.add_error("name", "Choose a name containing letters or digits.")
            return self.form_invalid(form)
        destination = os.path.join(settings.THEMES_ROOT, slug)
        try:
            count = install_theme(form.cleaned_data["archive"], destination)
        except (ValueError, zipfile.BadZipFile):
            form.add_error("archive", "The theme package could not be installed.")
            return self.form_invalid(form)
        logger.info("installed theme %r with %d files", slug, count)
        return super().form_valid(form)
