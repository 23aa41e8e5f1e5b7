"""LTI 1.3 tool endpoints: OIDC login initiation and resource launch (Django)."""
import logging
import secrets
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

log = logging.getLogger("lti")


def platform_config(issuer: str) -> dict:
    try:
        return settings.LTI_PLATFORMS[issuer]
    except KeyError:
        raise ValueError("unknown platform")


def new_state() -> str:
    return secrets.token_hex(16)


def fetch_jwks(jwks_url: str) -> dict:
    resp = requests.get(jwks_url, timeout=10, verify=True)
    resp.raise_for_status()
    return resp.json()


@csrf_exempt
@require_http_methods(["GET", "POST"])
def oidc_login(request):
    params = request.POST if request.method == "POST" else request.GET
    try:
        platform = platform_config(params["iss"])
    except (KeyError, ValueError):
        return HttpResponseBadRequest("unknown issuer")
    state, nonce = new_state(), new_state()
    request.session["lti_state"] = state
    request.session["lti_nonce"] = nonce
    request.session["lti_target"] = params.get("target_link_uri", "")
    query = urlencode({
        "scope": "openid", "response_type": "id_token", "response_mode": "form_post",
        "prompt": "none", "client_id": platform["client_id"],
        "redirect_uri": settings.LTI_LAUNCH_URL, "login_hint": params.get("login_hint", ""),
        "lti_message_hint": params.get("lti_message_hint", ""), "state": state, "nonce": nonce,
    })
    return HttpResponseRedirect(f"{platform['auth_url']}?{query}")


@csrf_exempt
@require_http_methods(["POST"])
def launch(request):
    if request.POST.get("state") != request.session.pop("lti_state", None):
        return HttpResponseBadRequest("state mismatch")
    token = request.POST.get("id_token", "")
    issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
    try:
        platform = platform_config(issuer)
    except ValueError:
        return HttpResponseBadRequest("unknown issuer")
    jwk_set = jwt.PyJWKSet.from_dict(fetch_jwks(platform["jwks_url"]))
    kid = jwt.get_unverified_header(token).get("kid")
    key = next(k for k in jwk_set.keys if k.key_id == kid)
    claims = jwt.decode(token, key.key, algorithms=["RS256"], audience=platform["client_id"], issuer=issuer)
    if claims.get("nonce") != request.session.pop("lti_nonce", None):
        return HttpResponseBadRequest("nonce mismatch")
    request.session["lti_user"] = claims["sub"]
    request.session["lti_context"] = claims.get("https://purl.imsglobal.org/spec/lti/claim/context", {})
    destination = request.session.pop("lti_target", "") or "/tool/home"
    if not url_has_allowed_host_and_scheme(destination, allowed_hosts=set(settings.ALLOWED_HOSTS), require_https=True):
        destination = "/tool/home"
    log.info("LTI launch for user %s", claims["sub"])
    return HttpResponseRedirect(destination)
