import os
import yaml

def load_config():
    with open(os.environ.get("APP_CONFIG", "config.yaml")) as f:
        return yaml.safe_load(f)
