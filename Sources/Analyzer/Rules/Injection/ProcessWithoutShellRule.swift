import PythonSyntax

/// B606: `os.exec*`, `os.spawn*`, `os.posix_spawn` and `os.startfile` with non-constant arguments.
struct ProcessWithoutShellRule: Rule {
    static let description = RuleDescription(
        code: "ASC606", name: "start-process-without-shell", banditID: "B606", cwe: 78, severity: .low, confidence: .medium,
        rationale: """
        os.exec*, os.spawn* and os.startfile run a program without a shell, but a program path or \
        arguments taken from input still decide what runs. Keep the program a fixed absolute path \
        and validate the arguments; prefer subprocess.run with a list.
        """,
        triggering: [
            "import os\n↓os.execv(path, args)\n",
            "import os\n↓os.spawnlp(os.P_WAIT, program, program, target)\n",
            "from os import startfile\n↓startfile(document)\n",
        ],
        nonTriggering: [
            "import os\nos.execv(\"/bin/true\", [\"true\"])\n",  // nothing can flow in
            "import subprocess\nsubprocess.run([\"/bin/ls\", path])\n",
            "execv(path, args)\n",
        ]
    )

    var callees: Set<String> { Set(ProcessCalls.noShell.keys) }

    func check(call: CallSite, context: inout RuleContext) {
        let literal = call.arguments.allSatisfy { $0.isLiteral || context.imports.qualifiedName(of: $0)?.hasPrefix("os.P_") == true }
        guard !literal || call.keywords.contains(where: { !$0.value.isLiteral }) else { return }
        context.report(call.expression.loc, "\(call.qualifiedName) starts a process from non-constant values; check them for untrusted input")
    }
}
