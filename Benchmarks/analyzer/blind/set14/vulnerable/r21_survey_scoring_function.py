"""GCP Cloud Function that scores employee engagement survey responses."""
import logging
import os

import functions_framework
import requests
import yaml
from google.cloud import firestore

log = logging.getLogger("surveys.score")
db = firestore.Client()

RESULTS_COLLECTION = os.environ.get("RESULTS_COLLECTION", "survey_scores")


def fetch_definition(url):
    resp = requests.get(url, timeout=10)  # VULN flow
    resp.raise_for_status()
    return resp.text


def load_definition(text):
    definition = yaml.unsafe_load(text)  # VULN flow
    if not isinstance(definition, dict) or "scoring" not in definition:
        raise ValueError("survey definition needs a scoring section")
    return definition


def score_response(definition, answers):
    total, matched = 0, []
    for rule in definition["scoring"]:
        env = {"answers": answers, "min": min, "max": max, "len": len}
        if eval(rule["when"], {"__builtins__": {}}, env):  # VULN flow
            total += int(rule.get("points", 0))
            matched.append(rule.get("id"))
    return total, matched


@functions_framework.http
def score_survey(request):
    if request.method != "POST":
        return ("method not allowed", 405)
    payload = request.get_json(silent=True) or {}
    survey_id = str(payload.get("survey_id", ""))
    answers = payload.get("answers")
    if not survey_id.isalnum() or not isinstance(answers, dict):
        return ({"error": "survey_id and answers are required"}, 400)

    try:
        definition = load_definition(fetch_definition(payload["definition_url"]))
        total, matched = score_response(definition, answers)
    except (KeyError, ValueError, requests.RequestException, yaml.YAMLError):
        log.warning("could not score response for survey %s", survey_id)
        return ({"error": "could not score response"}, 422)

    band = "engaged" if total >= definition.get("engaged_threshold", 20) else "at-risk"
    db.collection(RESULTS_COLLECTION).add({
        "survey_id": survey_id,
        "score": total,
        "band": band,
        "rules": matched,
        "created": firestore.SERVER_TIMESTAMP,
    })
    return ({"score": total, "band": band}, 200)
