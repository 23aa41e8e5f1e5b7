import Diagnostics
import Foundation
import PolicyKit
import Testing

@Suite("Policy loading")
struct PolicyTests {
    private func read(_ text: String) throws(PolicyError) -> Policy {
        try PolicyReader.read(bytes: Array(text.utf8), file: "p.yaml")
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func emptyFileGivesDefaults() throws {
        #expect(try read("") == Policy())
        #expect(try read("version: 1\n") == Policy())
        #expect(try read("version: 1\ngate:\n") == Policy())
    }

    @Test func defaultsMatchTheDocumentedPolicyFile() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("policy.yaml")
        let policy = try PolicyLocator.loadFile(url.path)
        #expect(policy == Policy())
    }

    @Test func renderedPolicyReadsBack() throws {
        var policy = Policy()
        policy.gate.scope = .changedFunctions
        policy.gate.maxNewFindings[.low] = .some(7)
        policy.gate.baseline = "base \"line\".json"
        policy.fuzz.expectedExceptions = ["ValueError", "pkg.errors.Oops"]
        policy.fuzz.hook.perFunctionSeconds = 0.5
        policy.fix.agent = .anthropic
        policy.analyzer.disable = ["B101", "CWE-78"]
        #expect(try read(PolicyRenderer.render(policy)) == policy)
    }

    @Test func readsEverySection() throws {
        let policy = try read("""
        version: 1
        analyzer:
          min_severity: medium
          min_confidence: high
          enable: [B602, CWE-89]
          disable: ["ASC101"]
          exclude: ["tests/**"]
        gate:
          max_new_findings: {high: 0, medium: 2, low: unlimited}
          fail_on_fuzz_crash: no
          scope: all
          baseline: .asc-baseline.json
        fuzz:
          enabled: false
          hook: {per_function_seconds: 0.5, total_seconds: 5}
          ci: {total_seconds: 600}
          expected_exceptions: [ValueError]
          sandbox: bwrap
        fix:
          agent: openai
          model: gpt-4o
          base_url: http://127.0.0.1:8080/v1
          api_key_env: OPENAI_API_KEY
          max_static_rounds: 2
          commit_per: finding
        output:
          format: sarif
        """)
        #expect(policy.analyzer.minSeverity == .medium)
        #expect(policy.analyzer.minConfidence == .high)
        #expect(policy.analyzer.enable == ["B602", "CWE-89"])
        #expect(policy.analyzer.exclude == ["tests/**"])
        #expect(policy.gate.limit(for: .medium) == 2)
        #expect(policy.gate.limit(for: .low) == nil)
        #expect(policy.gate.failOnFuzzCrash == false)
        #expect(policy.gate.scope == .all)
        #expect(policy.gate.baseline == ".asc-baseline.json")
        #expect(policy.fuzz.enabled == false)
        #expect(policy.fuzz.hook == Policy.Budget(perFunctionSeconds: 0.5, totalSeconds: 5))
        #expect(policy.fuzz.ci == Policy.Budget(perFunctionSeconds: 10, totalSeconds: 600))
        #expect(policy.fuzz.sandbox == .bwrap)
        #expect(policy.fix.agent == .openai)
        #expect(policy.fix.apiKeyEnv == "OPENAI_API_KEY")
        #expect(policy.fix.maxStaticRounds == 2)
        #expect(policy.fix.maxFuzzRounds == 2)
        #expect(policy.fix.commitPer == .finding)
        #expect(policy.output.format == .sarif)
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        #expect(error("gate:\n  scope: all\n   bad: x\n") == "p.yaml:3:7: error: mapping values are not allowed in this context")
        #expect(error("gate: [a, b\n") == "p.yaml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at 1:7)")
    }

    @Test func unknownKeyIsAnErrorNamingTheKey() {
        #expect(error("version: 1\ngate:\n  scop: all\n")
                == "p.yaml:3:3: error: gate.scop: unknown key in 'gate' (known: max_new_findings, fail_on_fuzz_crash, scope, baseline)")
        #expect(error("colour: red\n")?.hasPrefix("p.yaml:1:1: error: colour: unknown key at the top level") == true)
    }

    @Test func duplicateKeyIsAnError() {
        #expect(error("gate:\n  scope: all\n  scope: changed-files\n")
                == "p.yaml:3:3: error: duplicate key 'scope' (first defined at 2:3)")
    }

    @Test func wrongTypeIsAnError() {
        #expect(error("fuzz:\n  enabled: maybe\n") == "p.yaml:2:12: error: fuzz.enabled: expected true or false, found 'maybe'")
        #expect(error("fuzz:\n  max_executions: \"10\"\n") == "p.yaml:2:19: error: fuzz.max_executions: expected an integer, found '10'")
        #expect(error("analyzer:\n  include: \"*.py\"\n") == "p.yaml:2:12: error: analyzer.include: expected a list of strings, found a scalar")
        #expect(error("gate: 3\n") == "p.yaml:1:7: error: gate: expected a mapping, found a scalar")
        #expect(error("gate:\n  scope: everything\n")
                == "p.yaml:2:10: error: gate.scope: expected one of changed-lines, changed-functions, changed-files, all, found 'everything'")
    }

    @Test func outOfRangeValueIsAnError() {
        #expect(error("fix:\n  max_static_rounds: 99\n") == "p.yaml:2:22: error: fix.max_static_rounds: 99 is out of range (0...20)")
        #expect(error("gate:\n  max_new_findings:\n    high: -1\n")
                == "p.yaml:3:11: error: gate.max_new_findings.high: -1 is out of range (0...1000000)")
        #expect(error("fuzz:\n  hook: {per_function_seconds: 0}\n")?.contains("fuzz.hook.per_function_seconds: 0 is out of range") == true)
    }

    @Test func versionIsChecked() {
        #expect(error("version: 2\n") == "p.yaml:1:10: error: version: unsupported policy version 2; this tool reads version 1")
        #expect(error("version: one\n") == "p.yaml:1:10: error: version: expected an integer, found 'one'")
    }

    @Test func keyValuesThatLookLikeSecretsAreRejected() {
        #expect(error("fix:\n  api_key_env: sk-abc123\n")?.contains("expected the NAME of an environment variable") == true)
    }

    @Test func secondDocumentAndAliasBombsAreRejected() {
        #expect(error("version: 1\n---\nversion: 1\n") == "p.yaml:3:1: error: a second YAML document is not allowed in one file")
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { bomb += "l\(level): &l\(level) [" + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ") + "]\n" }
        let message = error(bomb) ?? ""
        #expect(message.contains("too large") || message.contains("unknown key"))
    }

    @Test func lookupOrder() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try PolicyLocator.load(explicitPath: nil, root: directory.path).1 == .builtIn)
        let hidden = directory.appendingPathComponent(".autosafecoder.yaml")
        try "gate:\n  scope: all\n".write(to: hidden, atomically: true, encoding: .utf8)
        let (fromHidden, source) = try PolicyLocator.load(explicitPath: nil, root: directory.path)
        #expect(fromHidden.gate.scope == .all)
        #expect(source == .file(hidden.path))
        try "gate:\n  scope: changed-files\n".write(to: directory.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        #expect(try PolicyLocator.load(explicitPath: nil, root: directory.path).0.gate.scope == .changedFiles)
        let explicit = directory.appendingPathComponent("other.yaml")
        try "gate:\n  scope: changed-functions\n".write(to: explicit, atomically: true, encoding: .utf8)
        #expect(try PolicyLocator.load(explicitPath: explicit.path, root: directory.path).0.gate.scope == .changedFunctions)
        #expect(throws: PolicyError.unreadable(file: "/nonexistent/p.yaml", reason: "no such file")) {
            try PolicyLocator.load(explicitPath: "/nonexistent/p.yaml", root: nil)
        }
    }

    @Test func policyErrorsExitWithBadInput() {
        #expect(PolicyError.unreadable(file: "x", reason: "y").exitStatus == .badInput)
    }
}
