import PythonSyntax

/// B604: `shell=True` passed to a function other than the `subprocess` ones.
struct ShellTrueOtherCallRule: Rule {
    static let description = RuleDescription(
        code: "ASC604", name: "call-with-shell-true", banditID: "B604", cwe: 78, severity: .medium, confidence: .low,
        rationale: """
        A `shell=True` argument usually means a wrapper that hands its command to /bin/sh, where \
        any interpolated value can add commands. Pass an argument list to a function that runs \
        the program without a shell, and drop shell=True.
        """,
        triggering: [
            "import invoke\ninvoke.run(cmd, ↓shell=True)\n",
            "helpers.execute(f\"rm {name}\", ↓shell=True)\n",
            "runner.start(\"make all\", ↓shell=True)\n",
        ],
        nonTriggering: [
            "helpers.execute([\"rm\", name], shell=False)\n",
            "import subprocess\nsubprocess.run(cmd, shell=True)\n",  // ASC602's case
            "helpers.execute(cmd)\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredIdentifiers: [String] { ["shell"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
              let shell = keywords.first(where: { $0.arg == "shell" }), shell.value.boolConstant == true else { return }
        if let name = context.imports.qualifiedName(of: function), ProcessCalls.subprocess.contains(name) { return }
        let constant = arguments.first.map { context.isFixedText($0) } ?? false
        context.report(shell.loc, "a call with shell=True probably runs its command through a shell",
                       severity: constant ? .low : nil, fixHint: "pass an argument list to a call that runs no shell")
    }
}
