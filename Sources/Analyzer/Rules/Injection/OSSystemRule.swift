import PythonSyntax

/// B605: `os.system`, `os.popen` and friends always run their command through a shell.
struct OSSystemRule: Rule {
    static let description = RuleDescription(
        code: "ASC605", name: "start-process-with-shell", banditID: "B605", cwe: 78, severity: .high, confidence: .high,
        rationale: """
        os.system and os.popen hand the whole string to /bin/sh, so data in it can inject commands. \
        Use subprocess.run with an argument list: subprocess.run(["ping", "-c", "1", host], check=True).
        """,
        fixAvailable: true,
        triggering: [
            "import os\nos.system(↓\"ping \" + host)\n",
            "from os import system as run\nrun(↓cmd)\n",
            "import os\nos.popen(↓f\"cat {name}\").read()\n",
            "import subprocess\nsubprocess.getoutput(↓cmd)\n",
            "import os\nos.system(↓\"clear\")\n",
        ],
        nonTriggering: [
            "import subprocess\nsubprocess.run([\"ping\", \"-c\", \"1\", host], check=True)\n",
            "system(cmd)\n",
        ]
    )

    var callees: Set<String> {
        ["os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4",
         "popen2.Popen3", "popen2.Popen4", "commands.getoutput", "commands.getstatusoutput", "subprocess.getoutput",
         "subprocess.getstatusoutput"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let command = call.argument("cmd", position: 0) ?? call.argument("command", position: 0) else { return }
        if context.isFixedText(command) {
            context.report(command.loc, "\(call.qualifiedName) runs a constant command through a shell", severity: .low)
        } else if context.isFixedText(command, also: [.shellQuoted, .numbers]) {
            // Every value spliced in is quoted for the shell (or a number): one word each.
            context.report(command.loc, "\(call.qualifiedName) runs a command through a shell; the values it splices in are quoted",
                           severity: .low, confidence: .low, fixHint: "use subprocess.run with an argument list")
        } else {
            context.report(command.loc, "\(call.qualifiedName) runs a built command through a shell (command injection)",
                           fixHint: "use subprocess.run with an argument list")
        }
    }
}
