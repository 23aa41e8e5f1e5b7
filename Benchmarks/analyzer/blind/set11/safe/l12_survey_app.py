"""Views for the surveys app."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .forms import AnswerForm
from .models import Response, Survey

ORDERINGS = {"created": "created", "-created": "created DESC", "id": "id"}


def take_survey(request, survey_id):
    survey = get_object_or_404(Survey, pk=survey_id, published=True)
    form = AnswerForm(survey=survey)
    return render(request, "surveys/take.html", {"survey": survey, "form": form})


@require_POST
def submit(request, survey_id):
    survey = get_object_or_404(Survey, pk=survey_id, published=True)
    form = AnswerForm(request.POST, survey=survey)
    if not form.is_valid():
        return render(request, "surveys/take.html", {"survey": survey, "form": form}, status=400)
    Response.objects.create(survey=survey, answers=form.cleaned_data)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/surveys/thanks/"
    return HttpResponseRedirect(next_url)


@login_required
def results(request, survey_id):
    survey = get_object_or_404(Survey, pk=survey_id)
    if survey.owner_id != request.user.id:
        raise Http404
    order = ORDERINGS.get(request.GET.get("order", "created"), "created")
    sql = (
        "SELECT id, answers, created FROM surveys_response "
        "WHERE survey_id = %s ORDER BY " + order
    )
    rows = Response.objects.raw(sql, [survey.pk])
    data = [{"id": r.id, "answers": r.answers, "created": r.created.isoformat()} for r in rows]
    return JsonResponse({"survey": survey.title, "responses": data})
