import PythonSyntax

/// B603: a `subprocess` call without a shell whose arguments are not all constants.
struct SubprocessWithoutShellRule: Rule {
    static let description = RuleDescription(
        code: "ASC603", name: "subprocess-without-shell", banditID: "B603", cwe: 78, severity: .low, confidence: .high,
        rationale: """
        Without a shell no command can be injected, but a program started with arguments that \
        come from outside can still be told to do harm (an option such as `--output=/etc/passwd`, \
        or the program itself). Validate the values, put `--` before positional arguments, and \
        use absolute program paths: subprocess.run(["/usr/bin/git", "log", "--", path]).
        """,
        optIn: true,  // a review reminder (most Bandit configurations skip it): on when a policy names it
        triggering: [
            "import subprocess\nsubprocess.run(↓[\"ls\", path])\n",
            "import subprocess as sp\nsp.check_output(↓cmd)\n",
            "from subprocess import Popen\nPopen(↓args, shell=False)\n",
        ],
        nonTriggering: [
            "import subprocess\nsubprocess.run([\"ls\", \"-l\"])\n",  // nothing can flow in
            "import subprocess\nsubprocess.run(cmd, shell=True)\n",  // ASC602's case
            "run([\"ls\", path])\n",
        ]
    )

    var callees: Set<String> { ProcessCalls.subprocess }

    func check(call: CallSite, context: inout RuleContext) {
        if ProcessCalls.shellEnabled(call) { return }
        guard let command = call.argument("args", position: 0), !command.isLiteral else { return }
        context.report(command.loc, "\(call.qualifiedName) starts a process with non-constant arguments; check them for untrusted input")
    }
}
