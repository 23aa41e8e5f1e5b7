import PythonSyntax

/// B602: a `subprocess` call that runs its command through a shell.
struct SubprocessShellTrueRule: Rule {
    static let description = RuleDescription(
        code: "ASC602", name: "subprocess-shell-true", banditID: "B602", cwe: 78, severity: .high, confidence: .high,
        rationale: """
        With shell=True the command string is parsed by /bin/sh, so any part an attacker controls \
        can add commands (`; rm -rf ~`). Pass an argument list without a shell: \
        subprocess.run(["ls", path]).
        """,
        fixAvailable: true,
        triggering: [
            "import subprocess\nsubprocess.run(↓\"ls \" + path, shell=True)\n",
            "import subprocess as sp\nsp.Popen(↓cmd, shell=True)\n",
            "from subprocess import check_output\ncheck_output(↓f\"grep {pattern} log\", shell=True)\n",
            // shell passed positionally: Popen(args, bufsize, executable, stdin, stdout, stderr, preexec_fn, close_fds, shell)
            "import subprocess\nsubprocess.Popen(↓cmd, -1, None, None, None, None, None, True, True)\n",
            "import subprocess\nsubprocess.call(↓\"ls -l\", shell=True)\n",
            "import subprocess\n\ndef deploy(branch):\n    script = f\"git checkout {branch}\"\n    return ↓subprocess.run(\n        script, shell=True, timeout=600\n    )\n",
        ],
        nonTriggering: [
            "import subprocess\nsubprocess.run([\"ls\", path])\n",
            "import subprocess\nsubprocess.run([\"ls\", path], shell=False)\n",
            "subprocess.run(cmd, shell=True)\n",  // not the stdlib module: never imported
        ]
    )

    static let shellPosition: [String: Int] = [
        "subprocess.Popen": 8, "subprocess.call": 8, "subprocess.check_call": 8, "subprocess.check_output": 8, "subprocess.run": 8,
    ]

    var callees: Set<String> {
        ["subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let shell = call.argument("shell", position: Self.shellPosition[call.qualifiedName]),
              shell.boolConstant != false, !shell.isNoneConstant, shell.intConstant != 0 else { return }
        guard let command = call.argument("args", position: 0) else { return }
        // At the command, or where the call starts when the command sits on a line of its own
        // (`subprocess.run(\n    script, shell=True)`): the line a reader (and `# nosec`) looks at.
        let at = command.loc.lineno == call.expression.loc.lineno ? command.loc : call.expression.loc
        if context.isFixedText(command) {
            // A fixed command line: still a shell, but nothing flows in.
            context.report(at, "subprocess call with shell=True runs a constant command through a shell",
                           severity: .low, fixHint: "pass an argument list and drop shell=True")
        } else if context.isFixedText(command, also: [.shellQuoted, .numbers]) {
            // Every value spliced in is quoted for the shell (or a number): one word each.
            context.report(at, "subprocess call with shell=True runs a command whose spliced values are quoted",
                           severity: .low, confidence: .low, fixHint: "pass an argument list and drop shell=True")
        } else {
            context.report(at, "subprocess call with shell=True runs a built command through a shell (command injection)",
                           fixHint: "pass an argument list (shlex.split of a trusted template, then the values) and drop shell=True")
        }
    }
}
