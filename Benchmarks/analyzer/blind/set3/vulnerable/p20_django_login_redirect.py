from django.contrib.auth import authenticate, login
from django.http import HttpResponseRedirect
from django.shortcuts import render


def login_view(request):
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if request.method != "POST":
        return render(request, "accounts/login.html", {"next": next_url})
    user = authenticate(
        request,
        username=request.POST.get("username"),
        password=request.POST.get("password"),
    )
    if user is None:
        return render(request, "accounts/login.html", {"next": next_url, "error": True})
    login(request, user)
    return HttpResponseRedirect(next_url)  # VULN flow
