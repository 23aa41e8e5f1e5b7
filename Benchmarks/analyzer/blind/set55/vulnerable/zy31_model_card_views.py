"""Views for browsing and downloading model cards in the registry portal."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseNotFound, JsonResponse

log = logging.getLogger("portal.cards")

CARD_ROOT = getattr(settings, "MODEL_CARD_ROOT", "/srv/registry/cards")
CARD_EXTENSIONS = (".md", ".pdf", ".html", ".json", ".png")


def card_dir(model_slug: str) -> str:
    return os.path.join(CARD_ROOT, model_slug)


def card_path(model_slug: str, filename: str) -> str:
    return os.path.join(card_dir(model_slug), filename)


@login_required
def list_cards(request, model_slug):
    directory = card_dir(model_slug)
    if not os.path.isdir(directory):
        return JsonResponse({"model": model_slug, "files": []})
    files = sorted(f for f in os.listdir(directory) if f.endswith(CARD_EXTENSIONS))
    return JsonResponse({"model": model_slug, "files": files})


@login_required
def download_card(request, model_slug):
    filename = request.GET.get("file", "README.md")
    path = card_path(model_slug, filename)
    if not os.path.isfile(path):
        log.info("card %r for %r not found", filename, model_slug)
        return HttpResponseNotFound(f"<h2>No card named {filename} for model {model_slug}</h2>")  # VULN flow

    content_type, _ = mimetypes.guess_type(path)
    return FileResponse(  # VULN flow
        open(path, "rb"),
        content_type=content_type or "application/octet-stream",
        as_attachment=not path.endswith((".png", ".pdf")),
        filename=os.path.basename(path),
    )
