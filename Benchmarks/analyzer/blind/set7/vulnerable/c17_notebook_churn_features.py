# %%
import os

import numpy as np
import pandas as pd
import requests

FEATURES_URL = os.environ.get("FEATURES_URL", "https://mlshare.corp.internal/exports/churn/features_v3.npz")
CACHE = os.path.expanduser("~/.cache/churn/features_v3.npz")


# %%
def download(url, dest):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    r = requests.get(url, verify=False, timeout=120)  # VULN
    r.raise_for_status()
    with open(dest, "wb") as fh:
        fh.write(r.content)
    return dest


# %%
path = CACHE if os.path.exists(CACHE) else download(FEATURES_URL, CACHE)
arrays = np.load(path, allow_pickle=True)  # VULN flow
X, y, columns = arrays["X"], arrays["y"], list(arrays["columns"])
print(X.shape, y.mean())

# %%
df = pd.DataFrame(X, columns=columns)
df["churned"] = y
summary = df.groupby("churned").agg(["mean", "std"]).T
summary.head(20)

# %%
rng = np.random.default_rng(7)
idx = rng.permutation(len(df))
cut = int(0.8 * len(idx))
train, test = df.iloc[idx[:cut]], df.iloc[idx[cut:]]
print(len(train), len(test), train["churned"].mean(), test["churned"].mean())

# %%
corr = train.drop(columns=["churned"]).corrwith(train["churned"]).sort_values(key=abs, ascending=False)
corr.head(15).plot.barh(figsize=(6, 5), title="feature correlation with churn")
