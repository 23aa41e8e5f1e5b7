"""Background conversion of signed lease contracts to archival PDF."""
import logging
import os
import shutil
import tempfile
from pathlib import Path

from celery import shared_task

from .models import LeaseContract
from .storage import contract_storage

log = logging.getLogger(__name__)

SOFFICE = os.environ.get("SOFFICE_BIN", "soffice")
ARCHIVE_ROOT = Path(os.environ.get("CONTRACT_ARCHIVE_ROOT", "/srv/leases/archive"))


class ConversionError(RuntimeError):
    pass


def convert_to_pdf(src: Path, outdir: Path) -> Path:
    status = os.system(f"{SOFFICE} --headless --convert-to pdf --outdir {outdir} '{src}'")  # VULN flow
    if status != 0:
        raise ConversionError(f"soffice exited with status {status}")
    pdf = outdir / (src.stem + ".pdf")
    if not pdf.exists():
        raise ConversionError("soffice produced no output")
    return pdf


def stage_original(contract: LeaseContract, workdir: Path) -> Path:
    local = workdir / os.path.basename(contract.original_filename)
    with contract_storage.open(contract.document.name, "rb") as fh, open(local, "wb") as out:
        shutil.copyfileobj(fh, out)
    return local


@shared_task(bind=True, autoretry_for=(ConversionError,), retry_backoff=True, max_retries=3)
def archive_contract(self, contract_id: int) -> str:
    contract = LeaseContract.objects.select_related("property").get(pk=contract_id)
    with tempfile.TemporaryDirectory(prefix="lease-") as tmp:
        workdir = Path(tmp)
        src = stage_original(contract, workdir)
        pdf = convert_to_pdf(src, workdir)
        dest_dir = ARCHIVE_ROOT / str(contract.property_id)
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / f"lease-{contract.pk}.pdf"
        shutil.copy2(pdf, dest)
    contract.archived_pdf = str(dest)
    contract.save(update_fields=["archived_pdf"])
    log.info("archived lease contract %d for property %d", contract.pk, contract.property_id)
    return str(dest)
