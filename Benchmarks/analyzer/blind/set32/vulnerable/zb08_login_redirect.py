"""Login views for the clinic scheduling back office (Pyramid)."""
import logging

from pyramid.httpexceptions import HTTPFound
from pyramid.security import forget, remember
from pyramid.view import view_config

from .models import StaffUser

logger = logging.getLogger(__name__)

DEFAULT_LANDING = "dashboard"


class LoginFlow:
    def __init__(self, request):
        self.request = request

    @property
    def next_url(self):
        target = self.request.params.get("next", "").strip()
        if not target:
            return self.request.route_url(DEFAULT_LANDING)
        return target

    def authenticate(self, email, password):
        user = (
            self.request.dbsession.query(StaffUser)
            .filter(StaffUser.email == email.lower(), StaffUser.active.is_(True))
            .one_or_none()
        )
        if user is None or not user.verify_password(password):
            return None
        return user


@view_config(route_name="login", request_method="GET", renderer="templates/login.jinja2")
def login_form(request):
    return {"next": request.params.get("next", ""), "error": None}


@view_config(route_name="login", request_method="POST", renderer="templates/login.jinja2",
             require_csrf=True)
def login_submit(request):
    flow = LoginFlow(request)
    email = request.POST.get("email", "")
    password = request.POST.get("password", "")
    user = flow.authenticate(email, password)
    if user is None:
        logger.info("failed login for email=%r", email)
        return {"next": request.params.get("next", ""), "error": "Invalid email or password"}

    request.session.invalidate()
    headers = remember(request, str(user.id))
    destination = flow.next_url
    return HTTPFound(location=destination, headers=headers)  # VULN flow


@view_config(route_name="logout", request_method="POST", require_csrf=True)
def logout(request):
    headers = forget(request)
    request.session.invalidate()
    return HTTPFound(location=request.route_url("login"), headers=headers)
