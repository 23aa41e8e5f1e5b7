#!/usr/bin/env python3
"""Unpack drone survey archives uploaded by growers and convert GeoTIFFs to COGs.

Archives land in the upload spool via the portal; this worker is run by the
imagery systemd timer and writes cloud-optimised GeoTIFFs for the tile server.
"""
import argparse
import logging
import os
import shutil
import tarfile
import tempfile

log = logging.getLogger("imagery.unpack")

SPOOL = "/srv/imagery/spool"
OUTPUT = "/srv/imagery/cog"
RASTER_EXT = (".tif", ".tiff")


def unpack(archive_path: str, dest: str) -> list:
    with tarfile.open(archive_path, "r:*") as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
        tar.extractall(dest)  # VULN flow
    return [n for n in names if n.lower().endswith(RASTER_EXT)]


def to_cog(src: str, out_dir: str) -> bool:
    stem = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(out_dir, stem + "_cog.tif")
    cmd = f"gdal_translate -q -of COG -co COMPRESS=DEFLATE '{src}' '{out}'"
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        log.error("gdal_translate failed (%d) for %r", rc, src)
        return False
    return True


def process(archive_path: str, out_root: str) -> int:
    survey = os.path.basename(archive_path).split(".")[0]
    out_dir = os.path.join(out_root, survey)
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="survey_")
    converted = 0
    try:
        for name in unpack(archive_path, work):
            if to_cog(os.path.join(work, name), out_dir):
                converted += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("survey %r: %d rasters converted", survey, converted)
    return converted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spool", default=SPOOL)
    parser.add_argument("--output", default=OUTPUT)
    parser.add_argument("--keep", action="store_true", help="keep archives after processing")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    for entry in sorted(os.listdir(args.spool)):
        path = os.path.join(args.spool, entry)
        if not tarfile.is_tarfile(path):
            continue
        try:
            process(path, args.output)
        except tarfile.TarError:
            log.exception("corrupt archive %r", entry)
            continue
        if not args.keep:
            os.remove(path)


if __name__ == "__main__":
    main()
