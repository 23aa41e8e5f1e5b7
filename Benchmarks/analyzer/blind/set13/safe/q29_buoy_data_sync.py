# %% [markdown]
# ## Buoy array data sync
# Downloads the latest CTD profiles published by the partner institute's
# data portal and stages them for the QC notebook.

# %%
import hashlib
import hmac
import logging
import os
import re
from pathlib import Path

import pandas as pd
import requests

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("buoys")

PORTAL = "https://data.ocean-partner.example/ctd"
STAGING = Path(os.environ.get("BUOY_STAGING", "~/buoy-staging")).expanduser().resolve()
FILENAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
session = requests.Session()
session.verify = os.environ.get("OCEAN_PARTNER_CA_BUNDLE", True)


class ChecksumError(Exception):
    pass

# %%
def get_manifest():
    resp = session.get(f"{PORTAL}/manifest.json")
    resp.raise_for_status()
    return resp.json()["files"]


def download(entry):
    name = Path(entry["path"]).name
    if not FILENAME_RE.fullmatch(name):
        raise ChecksumError(f"refusing suspicious file name {entry['path']!r}")
    target = STAGING / name
    resp = session.get(f"{PORTAL}/files/{entry['id']}")
    resp.raise_for_status()
    digest = hashlib.sha256(resp.content).hexdigest()
    if not hmac.compare_digest(digest, str(entry["sha256"])):
        raise ChecksumError(f"checksum mismatch for {name}")
    target.write_bytes(resp.content)
    return target

# %%
STAGING.mkdir(parents=True, exist_ok=True)
manifest = get_manifest()
staged = []
for entry in manifest:
    try:
        staged.append(download(entry))
    except (requests.RequestException, ChecksumError) as exc:
        log.warning("skipping %r: %s", entry.get("path"), exc)
log.info("staged %d of %d files", len(staged), len(manifest))

# %%
frames = []
for path in staged:
    if path.suffix == ".csv":
        df = pd.read_csv(path, parse_dates=["time"])
        df["source_file"] = path.name
        frames.append(df)
profiles = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
profiles.describe()

# %%
if not profiles.empty:
    surface = profiles[profiles["depth_m"] < 5].groupby("buoy_id")[["temp_c", "salinity_psu"]].mean()
    surface.round(2)
