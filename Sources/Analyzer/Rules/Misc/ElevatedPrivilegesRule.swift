import PythonSyntax

/// CWE-250: switching to root, or running commands through sudo.
struct ElevatedPrivilegesRule: Rule {
    static let description = RuleDescription(
        code: "ASC2250", name: "elevated-privileges", cwe: 250, severity: .medium, confidence: .high,
        rationale: """
        Code that runs as root turns every bug into a full system compromise. Drop privileges as \
        soon as possible (setuid to an unprivileged user), grant only the capability needed, and \
        run commands without sudo; give the service account the narrow permissions it needs.
        """,
        triggering: [
            "import os\n↓os.setuid(0)\n",
            "import subprocess\nsubprocess.run(↓[\"sudo\", \"systemctl\", \"restart\", name])\n",
            "import os\nos.system(↓\"sudo rm -rf /var/cache/app\")\n",
        ],
        nonTriggering: [
            "import os\nos.setuid(pwd.getpwnam(\"nobody\").pw_uid)\n",
            "import subprocess\nsubprocess.run([\"systemctl\", \"--user\", \"restart\", name])\n",
            "import os\nos.setgid(1000)\n",
            // Another unprivileged account, not root.
            "import subprocess\nsubprocess.run([\"sudo\", \"-u\", \"sftpdrop\", \"scp\", \"-q\", path, remote], check=True)\n",
        ]
    )

    static let setters: Set<String> = ["os.setuid", "os.seteuid", "os.setgid", "os.setegid", "os.setreuid", "os.setregid", "os.setresuid", "os.setresgid"]
    static let runners: Set<String> = [
        "os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
        "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "os.execv", "os.execvp", "os.execl", "os.execlp",
        "os.spawnv", "os.spawnvp", "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
    ]

    var callees: Set<String> { setters.union(Self.runners) }
    private var setters: Set<String> { Self.setters }

    func check(call: CallSite, context: inout RuleContext) {
        if Self.setters.contains(call.qualifiedName) {
            guard !call.arguments.isEmpty, call.arguments.contains(where: { $0.intConstant == 0 }) else { return }
            context.report(call.expression.loc, "\(call.qualifiedName)(0) runs the process as root",
                           fixHint: "drop to an unprivileged user instead of switching to root")
            return
        }
        let position = call.qualifiedName.hasPrefix("os.exec") || call.qualifiedName.hasPrefix("os.spawn") ? 1 : 0
        guard let command = call.argument(nil, position: position) else { return }
        let words: [String?]
        switch command.kind {
        case .list(let elements, _), .tuple(let elements, _): words = elements.map(\.stringConstant)
        default: words = command.builtString.map { $0.text.split(separator: " ").map { String($0) } } ?? []
        }
        guard let first = words.first ?? nil, first == "sudo" || first == "/usr/bin/sudo" else { return }
        // `sudo -u sftpdrop scp ...`: another unprivileged account, not root.
        if let flag = words.firstIndex(where: { $0 == "-u" || $0 == "--user" }), flag + 1 < words.count,
           let user = words[flag + 1], !user.isEmpty, user != "root", user != "#0" {
            return
        }
        context.report(command.loc, "command run through sudo, with root privileges", fixHint: "grant the service the narrow permission it needs")
    }
}
