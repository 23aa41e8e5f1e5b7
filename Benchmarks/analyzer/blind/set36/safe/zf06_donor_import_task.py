"""Celery tasks that import pledge files uploaded by chapter coordinators."""
import logging
from decimal import Decimal, InvalidOperation

import boto3
import yaml
from botocore.exceptions import ClientError
from celery import shared_task
from django.db import transaction

from donors.models import Donor, Pledge

logger = logging.getLogger(__name__)
s3 = boto3.client("s3")

UPLOAD_BUCKET = "hopebridge-chapter-uploads"
VALID_FREQUENCIES = {"once", "monthly", "quarterly", "annual"}


def read_upload(key):
    obj = s3.get_object(Bucket=UPLOAD_BUCKET, Key=key)
    return obj["Body"].read().decode("utf-8")


def parse_pledges(document):
    data = yaml.safe_load(document)
    if not isinstance(data, dict) or not isinstance(data.get("pledges"), list):
        raise ValueError("pledge file must contain a 'pledges' list")
    return str(data.get("chapter", "unassigned")), data["pledges"]


def normalise(entry):
    amount = Decimal(str(entry["amount"]))
    if amount <= 0:
        raise InvalidOperation("non-positive amount")
    frequency = str(entry.get("frequency", "once")).lower()
    if frequency not in VALID_FREQUENCIES:
        frequency = "once"
    return str(entry["email"]).strip().lower(), str(entry.get("name", "")).strip(), amount, frequency


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def import_pledge_file(self, key):
    try:
        document = read_upload(key)
    except ClientError as exc:
        logger.warning("could not read upload %r, retrying", key)
        raise self.retry(exc=exc)

    chapter, pledges = parse_pledges(document)
    imported = skipped = 0
    with transaction.atomic():
        for entry in pledges:
            try:
                email, name, amount, frequency = normalise(entry)
            except (KeyError, TypeError, InvalidOperation):
                skipped += 1
                continue
            donor, _ = Donor.objects.get_or_create(
                email=email, defaults={"full_name": name, "chapter": chapter}
            )
            Pledge.objects.create(donor=donor, amount=amount, frequency=frequency, source_file=key)
            imported += 1

    logger.info("pledge import %r: imported=%d skipped=%d", key, imported, skipped)
    return {"chapter": chapter, "imported": imported, "skipped": skipped}
