"""Language switcher for the translated editions of the museum website (Bottle)."""
import logging
import os
from urllib.parse import urlsplit

from bottle import Bottle, redirect, request, response, template

log = logging.getLogger("site.locale")
app = Bottle()

SUPPORTED_LOCALES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "nl": "Nederlands",
    "ja": "日本語",
}
DEFAULT_LOCALE = os.environ.get("SITE_DEFAULT_LOCALE", "en")
COOKIE_AGE = 365 * 24 * 3600

PICKER = """
<nav class="locale-picker" aria-label="Language">
% for code, label in locales:
  <a href="/locale/{{code}}?next={{next_url}}" {{!'aria-current="true"' if code == current else ''}}>{{label}}</a>
% end
</nav>
"""


def current_locale() -> str:
    code = request.get_cookie("locale", DEFAULT_LOCALE)
    return code if code in SUPPORTED_LOCALES else DEFAULT_LOCALE


def resolve_return_url() -> str:
    target = request.query.get("next") or ""
    if not target:
        ref = urlsplit(request.get_header("Referer") or "")
        if ref.netloc and ref.netloc == request.urlparts.netloc:
            target = ref.path + ("?" + ref.query if ref.query else "")
    parts = urlsplit(target)
    if (parts.scheme or parts.netloc or not target.startswith("/")
            or target.startswith("//") or "\\" in target):
        return "/"
    return target


@app.get("/locale/<code>")
def switch_locale(code: str):
    if code not in SUPPORTED_LOCALES:
        code = DEFAULT_LOCALE
    response.set_cookie("locale", code, path="/", max_age=COOKIE_AGE,
                        httponly=True, samesite="lax", secure=True)
    back = resolve_return_url()
    redirect(back)


@app.get("/_fragments/locale-picker")
def locale_picker():
    return template(
        PICKER,
        locales=sorted(SUPPORTED_LOCALES.items()),
        current=current_locale(),
        next_url=request.query.get("path", "/"),
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8088)
