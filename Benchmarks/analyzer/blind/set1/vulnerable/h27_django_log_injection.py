import logging

from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseForbidden

logger = logging.getLogger("auth")


def signin(request):
    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        msg = "Failed login for user '%s' from %s" % (username, request.META.get("REMOTE_ADDR"))
        logger.warning(msg)  # VULN flow
        return HttpResponseForbidden("Invalid credentials")
    login(request, user)
    return HttpResponse("Welcome back")
