#!/usr/bin/python
"""Ansible module: install or remove Debian packages pinned to a release.

Package names are provided by the self-service portal's role requests.
"""
import re

from ansible.module_utils.basic import AnsibleModule

PACKAGE_RE = re.compile(r"[a-z0-9][a-z0-9+.-]{1,127}")
RELEASE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def is_installed(module, name: str) -> bool:
    rc, out, _ = module.run_command(["dpkg-query", "-W", "-f=${Status}", name])
    return rc == 0 and "install ok installed" in out


def build_command(name: str, state: str, release: str) -> list:
    if state == "absent":
        return ["apt-get", "remove", "-y", name]
    argv = ["apt-get", "install", "-y"]
    if release:
        argv += ["-t", release]
    return argv + [name]


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent"]),
            default_release=dict(type="str", default=""),
        ),
        supports_check_mode=True,
    )
    name = module.params["name"]
    state = module.params["state"]
    release = module.params["default_release"]
    if not PACKAGE_RE.fullmatch(name):
        module.fail_json(msg="invalid package name")
    if release and not RELEASE_RE.fullmatch(release):
        module.fail_json(msg="invalid default_release")

    if is_installed(module, name) == (state == "present"):
        module.exit_json(changed=False, name=name, state=state)
    if module.check_mode:
        module.exit_json(changed=True, name=name, state=state)

    rc, out, err = module.run_command(
        build_command(name, state, release), environ_update={"DEBIAN_FRONTEND": "noninteractive"}
    )
    if rc != 0:
        module.fail_json(msg="apt-get failed", rc=rc, stdout=out, stderr=err)
    module.exit_json(changed=True, name=name, state=state, stdout=out)


if __name__ == "__main__":
    main()
