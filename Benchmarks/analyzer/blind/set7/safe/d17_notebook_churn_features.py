# %%
import hashlib
import os
import random

import numpy as np
import pandas as pd
import requests

FEATURES_URL = "https://mlshare.corp.internal/exports/churn/features_v3.npz"
FEATURES_SHA256 = os.environ.get("FEATURES_SHA256", "")
CACHE = os.path.expanduser("~/.cache/churn/features_v3.npz")


# %%
def download(url, dest):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    r = requests.get(url, timeout=120)
    r.raise_for_status()
    if FEATURES_SHA256 and hashlib.sha256(r.content).hexdigest() != FEATURES_SHA256:
        raise RuntimeError("checksum mismatch for features export")
    with open(dest, "wb") as fh:
        fh.write(r.content)
    return dest


# %%
path = CACHE if os.path.exists(CACHE) else download(FEATURES_URL, CACHE)
arrays = np.load(path, allow_pickle=False)
X, y, columns = arrays["X"], arrays["y"], [str(c) for c in arrays["columns"]]
df = pd.DataFrame(X, columns=columns)
df["churned"] = y
print(df.shape, df["churned"].mean())

# %%
rnd = random.Random(42)
idx = list(range(len(df)))
rnd.shuffle(idx)
cut = int(0.8 * len(idx))
train, test = df.iloc[idx[:cut]], df.iloc[idx[cut:]]
print(len(train), len(test))

# %%
def bootstrap_ci(values, n_boot=2000, alpha=0.05, seed=7):
    sampler = random.Random(seed)
    stats = sorted(sum(sampler.choices(values, k=len(values))) / len(values) for _ in range(n_boot))
    return stats[int(alpha / 2 * n_boot)], stats[int((1 - alpha / 2) * n_boot) - 1]


churn_rate_ci = bootstrap_ci(list(test["churned"]))
print("test churn rate 95% CI:", churn_rate_ci)

# %%
corr = train.drop(columns=["churned"]).corrwith(train["churned"]).sort_values(key=abs, ascending=False)
corr.head(15).plot.barh(figsize=(6, 5), title="feature correlation with churn")
