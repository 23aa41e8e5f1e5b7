"""Celery tasks that run customer-defined data pipelines.

Pipeline definitions are uploaded by customers through the portal and stored
in S3; workers fetch and execute them step by step.
"""
import logging

import boto3
import yaml
from celery import shared_task

from pipelines.models import PipelineRun
from pipelines.registry import STEP_TYPES

logger = logging.getLogger(__name__)
s3 = boto3.client("s3")

PIPELINE_BUCKET = "customer-pipeline-definitions"
MAX_STEPS = 50


def fetch_definition(key):
    obj = s3.get_object(Bucket=PIPELINE_BUCKET, Key=key)
    return obj["Body"].read().decode("utf-8")


def parse_definition(raw):
    document = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict) or not isinstance(document.get("steps"), list):
        raise ValueError("pipeline definition must contain a steps list")
    return document


def validate_steps(steps):
    if len(steps) > MAX_STEPS:
        raise ValueError(f"at most {MAX_STEPS} steps are allowed")
    for index, step in enumerate(steps):
        if not isinstance(step, dict) or step.get("type") not in STEP_TYPES:
            raise ValueError(f"step {index}: unknown step type")
        if not isinstance(step.get("options", {}), dict):
            raise ValueError(f"step {index}: options must be a mapping")
    return steps


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def run_pipeline(self, run_id):
    run = PipelineRun.objects.select_related("pipeline").get(pk=run_id)
    raw = fetch_definition(run.pipeline.definition_key)
    try:
        definition = parse_definition(raw)
        steps = validate_steps(definition["steps"])
    except (ValueError, yaml.YAMLError) as exc:
        run.mark_failed(reason=str(exc))
        return
    run.mark_running(step_count=len(steps))
    for index, step in enumerate(steps):
        execute_step.delay(run_id, index, step["type"], step.get("options", {}))


@shared_task(acks_late=True)
def execute_step(run_id, index, step_type, options):
    handler = STEP_TYPES[step_type]
    run = PipelineRun.objects.get(pk=run_id)
    try:
        handler(run, **options)
    except Exception:
        logger.exception("pipeline run %r failed at step %d", run_id, index)
        run.mark_failed(reason=f"step {index} failed")
        raise
    run.record_progress(index)
