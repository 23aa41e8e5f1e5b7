"""Import JATS manuscripts submitted by authors into the editorial system."""
import logging

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import JsonResponse
from django.views import View

from .models import Manuscript, ManuscriptAuthor

logger = logging.getLogger(__name__)


class ManuscriptUploadForm(forms.Form):
    journal = forms.SlugField(max_length=40)
    source = forms.FileField()

    def clean_source(self):
        upload = self.cleaned_data["source"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("Manuscript exceeds 5 MB.")
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError("Upload a JATS XML file.")
        return upload


def parse_jats(payload: bytes) -> dict:
    root = SafeET.fromstring(payload, forbid_dtd=True)
    meta = root.find("front/article-meta")
    if meta is None:
        raise ValueError("missing article-meta")
    title = (meta.findtext("title-group/article-title") or "").strip()
    abstract_node = meta.find("abstract")
    abstract = " ".join(abstract_node.itertext()).strip() if abstract_node is not None else ""
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib[@contrib-type='author']"):
        authors.append(
            {
                "surname": (contrib.findtext("name/surname") or "").strip(),
                "given": (contrib.findtext("name/given-names") or "").strip(),
            }
        )
    return {"title": title, "abstract": abstract, "authors": authors}


class ManuscriptImportView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = ManuscriptUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        try:
            parsed = parse_jats(form.cleaned_data["source"].read())
        except (SafeET.ParseError, DefusedXmlException, ValueError):
            return JsonResponse({"error": "Could not parse manuscript XML."}, status=422)

        with transaction.atomic():
            manuscript = Manuscript.objects.create(
                journal_slug=form.cleaned_data["journal"],
                title=parsed["title"][:300],
                abstract=parsed["abstract"],
                submitted_by=request.user,
            )
            ManuscriptAuthor.objects.bulk_create(
                ManuscriptAuthor(
                    manuscript=manuscript,
                    position=pos,
                    surname=author["surname"][:120],
                    given_names=author["given"][:120],
                )
                for pos, author in enumerate(parsed["authors"], start=1)
            )
        logger.info("manuscript %s imported by user %s", manuscript.pk, request.user.pk)
        return JsonResponse({"id": manuscript.pk, "title": manuscript.title}, status=201)
