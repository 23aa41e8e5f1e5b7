# %%
import os
import tarfile
import urllib.request
from pathlib import Path

import pandas as pd

DATASET_URL = os.environ.get("DATASET_URL", "https://data.example.org/releases/reviews-2023.tar.gz")
DATA_DIR = Path("data/raw")
DATA_DIR.mkdir(parents=True, exist_ok=True)

# %%
archive, _ = urllib.request.urlretrieve(DATASET_URL, DATA_DIR / "dataset.tar.gz")

# %%
with tarfile.open(archive, "r:gz") as tf:
    tf.extractall(DATA_DIR)  # VULN flow

# %%
frames = [pd.read_csv(p) for p in sorted(DATA_DIR.glob("**/*.csv"))]
df = pd.concat(frames, ignore_index=True)
df = df.dropna(subset=["review_text"])
df["length"] = df["review_text"].str.len()
df.describe()

# %%
df.to_parquet("data/reviews.parquet", index=False)
