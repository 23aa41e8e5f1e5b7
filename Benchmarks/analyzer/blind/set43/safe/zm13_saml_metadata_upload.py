"""Django views letting tenant admins register their SAML identity provider.

Admins either paste the IdP metadata XML or upload the file exported from
Okta / ADFS / Azure AD.
"""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from .models import IdentityProvider

log = logging.getLogger(__name__)

NS = {
    "md": "urn:oasis:names:tc:SAML:2.0:metadata",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
}

_parser = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
)


class MetadataError(ValueError):
    pass


def parse_metadata(xml_bytes: bytes) -> dict:
    root = etree.fromstring(xml_bytes, parser=_parser)
    if root.getroottree().docinfo.internalDTD is not None:
        raise MetadataError("DTDs are not accepted in metadata")
    descriptor = root.find("md:IDPSSODescriptor", NS)
    if descriptor is None:
        raise MetadataError("no IDPSSODescriptor element")

    sso = descriptor.find("md:SingleSignOnService", NS)
    cert = descriptor.find(".//ds:X509Certificate", NS)
    if sso is None or cert is None:
        raise MetadataError("metadata lacks SSO endpoint or signing certificate")

    return {
        "entity_id": root.get("entityID"),
        "sso_url": sso.get("Location"),
        "binding": sso.get("Binding"),
        "x509_cert": "".join(cert.text.split()),
    }


def _metadata_from_request(request: HttpRequest) -> bytes:
    if "metadata_file" in request.FILES:
        return request.FILES["metadata_file"].read()
    return request.POST.get("metadata_xml", "").encode("utf-8")


@login_required
@require_POST
def register_idp(request: HttpRequest, tenant_slug: str) -> JsonResponse:
    if not request.user.has_perm("sso.change_identityprovider"):
        return JsonResponse({"error": "forbidden"}, status=403)

    raw = _metadata_from_request(request)
    if not raw:
        return JsonResponse({"error": "metadata required"}, status=400)

    try:
        info = parse_metadata(raw)
    except (etree.XMLSyntaxError, MetadataError) as exc:
        return JsonResponse({"error": f"invalid metadata: {exc}"}, status=422)

    idp, created = IdentityProvider.objects.update_or_create(
        tenant__slug=tenant_slug, defaults=info
    )
    log.info("tenant %r %s IdP %r", tenant_slug, "registered" if created else "updated", info["entity_id"])
    return JsonResponse({"id": idp.pk, **info}, status=201 if created else 200)
