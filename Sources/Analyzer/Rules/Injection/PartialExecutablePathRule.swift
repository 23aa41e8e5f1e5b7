import PythonSyntax

/// B607: a process started by a bare program name, found through `PATH`.
struct PartialExecutablePathRule: Rule {
    static let description = RuleDescription(
        code: "ASC607", name: "start-process-with-partial-path", banditID: "B607", cwe: 78, severity: .low, confidence: .high,
        rationale: """
        A program named without a path is looked up in PATH (or the current directory), so \
        whoever controls PATH or the working directory chooses what runs. Use the absolute path \
        (shutil.which once at start-up, checked): subprocess.run(["/usr/bin/git", "status"]).
        """,
        optIn: true,  // a review reminder (most Bandit configurations skip it): on when a policy names it
        triggering: [
            "import subprocess\nsubprocess.run([↓\"git\", \"status\"])\n",
            "import os\nos.system(↓\"ls -l\")\n",
            "import subprocess\nsubprocess.Popen(↓\"make all\", shell=True)\n",
            "import os\nos.execvp(↓\"python\", [\"python\", script])\n",
        ],
        nonTriggering: [
            "import subprocess\nsubprocess.run([\"/usr/bin/git\", \"status\"])\n",
            "import subprocess\nsubprocess.run([git, \"status\"])\n",
            "import subprocess\nsubprocess.run([\"git\", \"status\"], executable=\"/usr/bin/git\")\n",
        ]
    )

    var callees: Set<String> { ProcessCalls.subprocess.union(ProcessCalls.shell).union(ProcessCalls.noShell.keys) }

    func check(call: CallSite, context: inout RuleContext) {
        if call.qualifiedName == "os.startfile" || call.argument("executable") != nil { return }
        let position = ProcessCalls.noShell[call.qualifiedName] ?? 0
        guard var program = call.argument(ProcessCalls.subprocess.contains(call.qualifiedName) ? "args" : nil, position: position)
              ?? call.argument("cmd", position: position) ?? call.argument("command") else { return }
        if case .list(let elements, _) = program.kind, let first = elements.first { program = first }
        if case .tuple(let elements, _) = program.kind, let first = elements.first { program = first }
        guard let text = program.stringConstant else { return }
        let name = text.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("\\") else { return }
        if name.count > 1, name.dropFirst().first == ":", name.first?.isLetter == true { return }  // C:\…
        context.report(program.loc, "starting a process with a partial executable path (\(name)) depends on PATH",
                       fixHint: "use the program's absolute path")
    }
}
