"""Theme upload view for tenant sites.

Site owners upload a ``theme.yaml`` describing templates, colour palette
and widget slots. The parsed config is stored on the Theme model.
"""
import logging
import re

import yaml
from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Theme

log = logging.getLogger(__name__)

REQUIRED_KEYS = {"name", "version", "templates"}
MAX_CONFIG_BYTES = 64 * 1024
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ThemeConfigError(ValueError):
    pass


def parse_theme_config(text: str) -> dict:
    config = yaml.safe_load(text)
    if not isinstance(config, dict):
        raise ThemeConfigError("theme config must be a mapping")
    missing = REQUIRED_KEYS - set(config)
    if missing:
        raise ThemeConfigError("missing keys: " + ", ".join(sorted(missing)))
    return config


def normalise_palette(palette) -> dict:
    result = {}
    for key, value in (palette or {}).items():
        value = str(value).strip()
        if HEX_COLOUR.match(value):
            result[str(key)] = value.lower()
    return result


@require_POST
@login_required
@permission_required("themes.add_theme", raise_exception=True)
def upload_theme(request):
    upload = request.FILES.get("config")
    if upload is None:
        return JsonResponse({"error": "config file is required"}, status=400)
    if upload.size > MAX_CONFIG_BYTES:
        return JsonResponse({"error": "config file too large"}, status=400)

    text = upload.read().decode("utf-8", errors="replace")
    try:
        config = parse_theme_config(text)
    except (ThemeConfigError, yaml.YAMLError) as exc:
        return JsonResponse({"error": f"invalid theme config: {exc}"}, status=400)

    theme, created = Theme.objects.update_or_create(
        site=request.site,
        name=str(config["name"])[:80],
        defaults={
            "version": str(config["version"])[:20],
            "templates": list(config["templates"]),
            "palette": normalise_palette(config.get("palette")),
            "uploaded_by": request.user,
        },
    )
    log.info("theme %s %s for site %s", theme.pk, "created" if created else "updated", request.site.pk)
    return JsonResponse({"id": theme.pk, "created": created})
