import Foundation
import Testing

@Suite("Command line")
struct CLITests {
    private func tool(_ arguments: [String], in directory: URL? = nil) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.toolPath, arguments, in: directory)
    }

    @Test func versionAndHelp() throws {
        let version = try tool(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        for command in ["scan", "fix", "fuzz", "generate", "eval", "install", "rules", "debug policy"] {
            let help = try tool(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("autosafecoder \(command)"), "\(command) --help names an example")
        }
    }

    @Test func badFlagExitsWithBadInput() throws {
        let result = try tool(["scan", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
        let conflict = try tool(["scan", "--staged", "--all"])
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("choose one of --staged, --range, --base, --all or paths"))
        let range = try tool(["scan", "--range", "main"])
        #expect(range.status == 2)
        for command in ["scan", "fuzz"] {
            let budget = try tool([command, "--budget", "0", "x.py"])
            #expect(budget.status == 2, "\(command)")
            #expect(budget.stderr.contains("--budget must be more than 0 and at most 86400 seconds"), "\(command): \(budget.stderr)")
        }
    }

    @Test func badPolicyExitsWithBadInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = directory.appendingPathComponent("policy.yaml")
        try "version: 1\ngate:\n  scope: sometimes\n".write(to: policy, atomically: true, encoding: .utf8)
        let result = try tool(["debug", "policy", "--policy", policy.path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(policy.path):3:10: error: gate.scope: expected one of changed-lines, changed-functions, changed-files, all, found 'sometimes'\n")
        // Found at the root without --policy, too.
        let found = try tool(["debug", "policy"], in: directory)
        #expect(found.status == 2)
        #expect(found.stderr.hasSuffix("policy.yaml:3:10: error: gate.scope: expected one of changed-lines, changed-functions, changed-files, all, found 'sometimes'\n"))
        let missing = try tool(["debug", "policy", "--policy", directory.appendingPathComponent("nope.yaml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read policy: no such file"))
    }

    @Test func effectivePolicyIsPrinted() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try tool(["debug", "policy"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# policy: built-in defaults\nversion: 1\n"))
        #expect(result.stdout.contains("  scope: changed-lines\n"))
    }
}

@Suite("debug ast and rules commands")
struct InspectCommandTests {
    @Test func debugASTMatchesCPython() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("m.py")
        try "import os as o\nx: int = 1\nasync def f(a, /, b=2, *c, d, **e):\n    return [i async for i in g() if i]\n".write(to: file, atomically: true, encoding: .utf8)
        let ours = try TestSupport.run(TestSupport.toolPath, ["debug", "ast", file.path])
        #expect(ours.status == 0)
        let python = try TestSupport.run("/usr/bin/env", ["python3", "-c", "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read()), include_attributes=True))", file.path])
        try #require(python.status == 0, "python3 is needed for this test")
        #expect(ours.stdout == python.stdout)
        let noPositions = try TestSupport.run(TestSupport.toolPath, ["debug", "ast", "--no-positions", file.path])
        #expect(!noPositions.stdout.contains("lineno"))
        #expect(noPositions.stdout.hasPrefix("Module(body=[Import(names=[alias(name='os', asname='o')]), "))

        try "def f(:\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try TestSupport.run(TestSupport.toolPath, ["debug", "ast", file.path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "\(file.path):1:7: error: SyntaxError: invalid syntax\n")
    }

    @Test func rulesListsEveryFormat() throws {
        let text = try TestSupport.run(TestSupport.toolPath, ["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ASC602 (B602)  CWE-78  high/high  subprocess-shell-true  [fix]"))
        let json = try TestSupport.run(TestSupport.toolPath, ["rules", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rules = object?["rules"] as? [[String: Any]]
        #expect((rules?.count ?? 0) >= 8)
        #expect(rules?.contains { $0["code"] as? String == "ASC602" && $0["ruff"] as? String == "S602" } == true)
        let markdown = try TestSupport.run(TestSupport.toolPath, ["rules", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| code | Bandit | CWE |"))
    }
}

@Suite("docs stay true")
struct DocsTests {
    @Test func ruleReferenceIsUpToDate() throws {
        let generated = try TestSupport.run(TestSupport.toolPath, ["rules", "--format", "markdown"])
        let committed = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(generated.stdout == committed, "docs/rules.md is stale: run `make docs`")
    }
}
