from django.contrib.auth import authenticate, login
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views import View


class LoginView(View):
    template_name = "accounts/login.html"

    def get(self, request):
        return render(request, self.template_name, {"next": request.GET.get("next", "")})

    def post(self, request):
        user = authenticate(
            request,
            username=request.POST.get("username"),
            password=request.POST.get("password"),
        )
        if user is None:
            return render(request, self.template_name, {"error": "Invalid credentials"})
        login(request, user)
        destination = request.POST.get("next") or "/dashboard/"
        return HttpResponseRedirect(destination)  # VULN flow
