import PythonSyntax

/// B609: `*` in a `tar`/`chown`/`chmod`/`rsync` command run through a shell.
struct WildcardInjectionRule: Rule {
    static let description = RuleDescription(
        code: "ASC609", name: "shell-wildcard-injection", banditID: "B609", cwe: 155, severity: .high, confidence: .medium,
        rationale: """
        The shell expands `*` to every file name in the directory, and a file named \
        `--checkpoint-action=exec=sh x.sh` becomes an option of tar (likewise for chown, chmod \
        and rsync). Pass explicit paths, put `--` before them, or glob in Python and run the \
        program without a shell.
        """,
        triggering: [
            "import os\nos.system(↓\"tar cf backup.tar *\")\n",
            "import subprocess\nsubprocess.call(↓\"chown user:group *\", shell=True)\n",
            "import os\nos.popen(↓f\"rsync -a * {dest}\")\n",
        ],
        nonTriggering: [
            "import subprocess\nsubprocess.run([\"tar\", \"cf\", \"b.tar\", \"*\"])\n",  // no shell: `*` is literal
            "import os\nos.system(\"ls *\")\n",
            "import os\nos.system(\"tar cf backup.tar -- ./data\")\n",
        ]
    )

    static let commands: Set<Substring> = ["tar", "chown", "chmod", "rsync"]

    var callees: Set<String> { ProcessCalls.subprocess.union(ProcessCalls.shell) }

    func check(call: CallSite, context: inout RuleContext) {
        if ProcessCalls.subprocess.contains(call.qualifiedName), !ProcessCalls.shellEnabled(call) { return }
        guard let command = call.argument("args", position: 0) ?? call.argument("cmd") ?? call.argument("command"),
              let text = command.builtString?.text, text.contains("*") else { return }
        let words = text.split { " \t;|&()".contains($0) }
        guard let program = words.first(where: { Self.commands.contains($0) }) else { return }
        context.report(command.loc, "\(program) with a shell wildcard can be given options through file names (wildcard injection)")
    }
}
