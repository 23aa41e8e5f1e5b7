import kopf
import kubernetes
import yaml

REQUIRED_KEYS = {"replicas", "image"}


def _parse_app_config(configmap):
    raw = (configmap.data or {}).get("app.yaml", "")
    config = yaml.safe_load(raw) or {}
    missing = REQUIRED_KEYS - config.keys()
    if missing:
        raise kopf.PermanentError(f"app.yaml missing keys: {sorted(missing)}")
    return config


@kopf.on.update("", "v1", "configmaps", labels={"app.example.com/managed": "true"})
def on_config_change(name, namespace, logger, **kwargs):
    core = kubernetes.client.CoreV1Api()
    apps = kubernetes.client.AppsV1Api()
    configmap = core.read_namespaced_config_map(name, namespace)
    config = _parse_app_config(configmap)
    patch = {
        "spec": {
            "replicas": int(config["replicas"]),
            "template": {"spec": {"containers": [{"name": name, "image": str(config["image"])}]}},
        }
    }
    apps.patch_namespaced_deployment(name, namespace, patch)
    logger.info("deployment %s/%s reconciled from configmap", namespace, name)
