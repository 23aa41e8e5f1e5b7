from urllib.parse import urlparse

from starlette.responses import RedirectResponse

DEFAULT_AFTER_LOGOUT = "https://app.example.com/"
ALLOWED_REDIRECT_HOSTS = {"app.example.com", "docs.example.com"}


async def logout(request):
    target = request.query_params.get("next", DEFAULT_AFTER_LOGOUT)
    parsed = urlparse(target)
    if parsed.scheme != "https" or parsed.netloc not in ALLOWED_REDIRECT_HOSTS:
        target = DEFAULT_AFTER_LOGOUT
    request.session.clear()
    return RedirectResponse(target, status_code=303)
