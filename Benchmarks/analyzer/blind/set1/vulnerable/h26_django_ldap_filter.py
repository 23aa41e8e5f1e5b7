import ldap
from django.conf import settings
from django.http import JsonResponse


def directory_search(request):
    uid = request.GET.get("uid", "")
    conn = ldap.initialize(settings.LDAP_URI)
    conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    search_filter = "(&(objectClass=person)(uid=" + uid + "))"
    results = conn.search_s(settings.LDAP_BASE_DN, ldap.SCOPE_SUBTREE, search_filter, ["cn", "mail"])  # VULN flow
    people = [{"dn": dn, "cn": attrs.get("cn", [b""])[0].decode()} for dn, attrs in results]
    return JsonResponse({"people": people})
