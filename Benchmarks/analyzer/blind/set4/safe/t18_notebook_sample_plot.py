# %%
import random

import matplotlib.pyplot as plt
import pandas as pd

random.seed(42)
df = pd.read_parquet("data/sessions.parquet")

# %%
user_ids = df["user_id"].unique().tolist()
sample_ids = random.sample(user_ids, k=min(25, len(user_ids)))
sample = df[df["user_id"].isin(sample_ids)]

# %%
def random_colour():
    return "#{:06x}".format(random.randint(0, 0xFFFFFF))

palette = {uid: random_colour() for uid in sample_ids}

# %%
fig, ax = plt.subplots(figsize=(12, 6))
for uid, group in sample.groupby("user_id"):
    ax.plot(group["day"], group["minutes"], color=palette[uid], alpha=0.7, linewidth=1)
ax.set_xlabel("day")
ax.set_ylabel("minutes active")
ax.set_title("Session length, random sample of 25 users")
fig.savefig("figures/session_sample.png", dpi=150)
