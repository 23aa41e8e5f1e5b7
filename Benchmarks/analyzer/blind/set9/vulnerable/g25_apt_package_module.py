#!/usr/bin/python
"""Ansible module: install or remove Debian packages pinned to a release.

Package names are provided by the self-service portal's role requests.
"""
from ansible.module_utils.basic import AnsibleModule


def is_installed(module, name: str) -> bool:
    rc, out, _ = module.run_command(["dpkg-query", "-W", "-f=${Status}", name])
    return rc == 0 and "install ok installed" in out


def build_command(name: str, state: str, release: str) -> str:
    if state == "absent":
        return "DEBIAN_FRONTEND=noninteractive apt-get remove -y %s" % name
    target = " -t %s" % release if release else ""
    return "DEBIAN_FRONTEND=noninteractive apt-get install -y%s %s" % (target, name)


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

    installed = is_installed(module, name)
    wanted = state == "present"
    if installed == wanted:
        module.exit_json(changed=False, name=name, state=state)
    if module.check_mode:
        module.exit_json(changed=True, name=name, state=state)

    cmd = build_command(name, state, release)
    rc, out, err = module.run_command(cmd, use_unsafe_shell=True)  # VULN flow
    if rc != 0:
        module.fail_json(msg="apt-get failed", rc=rc, stdout=out, stderr=err)
    module.exit_json(changed=True, name=name, state=state, stdout=out)


if __name__ == "__main__":
    main()
