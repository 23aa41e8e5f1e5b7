import Foundation
import Testing

/// End-to-end: real temporary repositories, the built binary, exact exit codes and output.
@Suite("scan on git repositories")
struct ScanGitTests {
    static let vulnerable = "import os\n\ndef run(cmd):\n    os.system(\"ls \" + cmd)\n"
    static let clean = "def add(a, b):\n    return a + b\n"

    /// A repository with one commit holding `calc.py`.
    final class Repo {
        let url: URL
        init() throws {
            url = try TestSupport.temporaryDirectory()
            try git("init", "-q", "-b", "main")
            try write("calc.py", ScanGitTests.clean)
            try git("add", "calc.py")
            try git("commit", "-q", "-m", "initial")
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ path: String, _ text: String) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            try TestSupport.git(arguments, in: url).stdout
        }

        func scan(_ arguments: String..., in subdirectory: String? = nil, environment extra: [String: String] = [:]) throws -> TestSupport.ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            for (key, value) in extra { environment[key] = value }
            let directory = subdirectory.map { url.appendingPathComponent($0) } ?? url
            // The static gate; the fuzzing stage has its own tests (FuzzStageTests).
            return try TestSupport.run(TestSupport.toolPath, ["scan", "--no-fuzz"] + arguments, in: directory, environment: environment)
        }
    }

    @Test func stagedCleanChangePasses() throws {
        let repo = try Repo()
        try repo.write("calc.py", Self.clean + "\ndef sub(a, b):\n    return a - b\n")
        try repo.git("add", "calc.py")
        let result = try repo.scan("--staged")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("1 file checked (HEAD); new findings: 0 high, 0 medium, 0 low"))
        #expect(result.stderr.contains("gate passed"))
    }

    @Test func stagedVulnerableChangeFailsWithExactLine() throws {
        let repo = try Repo()
        try repo.write("calc.py", Self.vulnerable)
        try repo.git("add", "calc.py")
        let result = try repo.scan("--staged")
        #expect(result.status == 1)
        #expect(result.stdout == "calc.py:4:15 ASC605 (CWE-78) [high] os.system runs a built command through a shell (command injection)\n")
        #expect(result.stderr.contains("gate failed: high: 1 new finding, at most 0 allowed"))
        #expect(result.stderr.contains("git commit --no-verify"))
    }

    @Test func lowSeverityRemindersAreCountedNotListed() throws {
        let repo = try Repo()
        try repo.write("tool.py", "import os\nimport subprocess\n\n\ndef version():\n    os.system(\"clear\")\n    return subprocess.check_output([\"git\", \"--version\"])\n")
        try repo.git("add", "tool.py")
        let result = try repo.scan("--staged")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("ASC605"))
        #expect(result.stdout.hasPrefix("("))
        #expect(result.stdout.hasSuffix("of a severity the gate does not limit; --format json lists them)\n"))
        let json = try repo.scan("--staged", "--format", "json")
        #expect(json.stdout.contains("\"code\" : \"ASC605\""))
        // The review reminders (Bandit's B404 import, B607 partial path) are opt-in: only a
        // policy naming them turns them on.
        #expect(!json.stdout.contains("ASC404"))
        #expect(!json.stdout.contains("ASC607"))
        try repo.write("policy.yaml", "version: 1\nanalyzer:\n  enable: [B404, B607]\n")
        let enabled = try repo.scan("--staged", "--format", "json")
        #expect(enabled.stdout.contains("\"code\" : \"ASC404\""))
        #expect(enabled.stdout.contains("\"code\" : \"ASC607\""))
        try repo.write("policy.yaml", "version: 1\nanalyzer:\n  enable: [CWE-78]\n")
        #expect(!(try repo.scan("--staged", "--format", "json")).stdout.contains("ASC404"))
    }

    @Test func partiallyStagedFileIsJudgedAsCommitted() throws {
        let repo = try Repo()
        // Staged: clean. Working tree: vulnerable. The hook must judge the index.
        try repo.write("calc.py", Self.clean + "\ndef sub(a, b):\n    return a - b\n")
        try repo.git("add", "calc.py")
        try repo.write("calc.py", Self.vulnerable)
        #expect(try repo.scan("--staged").status == 0)
        // And the other way round: staged vulnerable, working tree clean.
        try repo.git("add", "calc.py")
        try repo.write("calc.py", Self.clean)
        #expect(try repo.scan("--staged").status == 1)
        // The working tree was not touched.
        #expect(try String(contentsOf: repo.url.appendingPathComponent("calc.py"), encoding: .utf8) == Self.clean)
    }

    @Test func onlyChangedLinesCountUnderDefaultScope() throws {
        let repo = try Repo()
        try repo.write("old.py", Self.vulnerable)
        try repo.git("add", "old.py")
        try repo.git("commit", "-q", "-m", "legacy", "--no-verify")
        try repo.write("old.py", Self.vulnerable + "\ndef other():\n    return 1\n")
        try repo.git("add", "old.py")
        let result = try repo.scan("--staged")
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 outside the changed lines"))
        // changed-files scope counts it.
        try repo.write(".autosafecoder.yaml", "version: 1\ngate:\n  scope: changed-files\n")
        #expect(try repo.scan("--staged").status == 1)
        // changed-functions: a change inside run() brings its finding in.
        try repo.write(".autosafecoder.yaml", "version: 1\ngate:\n  scope: changed-functions\n")
        #expect(try repo.scan("--staged").status == 0)
        try repo.write("old.py", Self.vulnerable.replacingOccurrences(of: "def run(cmd):\n", with: "def run(cmd):\n    cmd = cmd.strip()\n"))
        try repo.git("add", "old.py")
        #expect(try repo.scan("--staged").status == 1)
    }

    @Test func unbornHeadFirstCommit() throws {
        let url = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try TestSupport.git(["init", "-q"], in: url)
        try Self.vulnerable.write(to: url.appendingPathComponent("first.py"), atomically: true, encoding: .utf8)
        try TestSupport.git(["add", "first.py"], in: url)
        let result = try TestSupport.run(TestSupport.toolPath, ["scan", "--staged", "--no-fuzz"], in: url, environment: ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 file checked (the first commit)"))
    }

    @Test func fromSubdirectoryAndDetachedHead() throws {
        let repo = try Repo()
        try repo.write("pkg/sub/mod.py", Self.vulnerable)
        try repo.git("add", "pkg/sub/mod.py")
        let result = try repo.scan("--staged", in: "pkg/sub")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("pkg/sub/mod.py:4:15 ASC605"))
        try repo.git("commit", "-q", "-m", "vuln", "--no-verify")
        try repo.git("checkout", "-q", "--detach", "HEAD")
        try repo.write("x.py", Self.clean)
        try repo.git("add", "x.py")
        #expect(try repo.scan("--staged").status == 0)
    }

    @Test func commitAllAndCommitPathUseGitsTemporaryIndex() throws {
        let repo = try Repo()
        let bin = repo.url.appendingPathComponent(".bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("autosafecoder").path, withDestinationPath: TestSupport.toolPath)
        let hook = repo.url.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("hooks/pre-commit"), to: hook)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        func commit(_ arguments: [String]) throws -> TestSupport.ProcessResult {
            try TestSupport.run("/usr/bin/git", ["-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "x"] + arguments,
                                in: repo.url, environment: environment)
        }
        // Nothing staged, a vulnerable edit in the tree: `git commit -a` must see it.
        try repo.write("calc.py", Self.vulnerable)
        let all = try commit(["-a"])
        #expect(all.status != 0)
        #expect(all.stderr.contains("calc.py:4:15 ASC605"))
        // `git commit PATH` judges only that path, with its working-tree content.
        try repo.write("other.py", Self.clean)
        try repo.git("add", "other.py")
        let path = try commit(["other.py"])
        #expect(path.status == 0, "\(path.stderr)")
        // AUTOSAFECODER_SKIP=1 skips the hook.
        environment["AUTOSAFECODER_SKIP"] = "1"
        #expect(try commit(["-a"]).status == 0)
    }

    @Test func rangeAndBaseAndAll() throws {
        let repo = try Repo()
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("feature.py", Self.vulnerable)
        try repo.git("add", "feature.py")
        try repo.git("commit", "-q", "-m", "feature", "--no-verify")
        let range = try repo.scan("--range", "main..feature")
        #expect(range.status == 1)
        #expect(range.stdout.hasPrefix("feature.py:4:15 ASC605"))
        #expect(try repo.scan("--range", "main..main").status == 0)
        let base = try repo.scan("--base", "main", "--format", "json")
        #expect(base.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(base.stdout.utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]]
        #expect(findings?.count == 1)
        #expect(findings?.first?["file"] as? String == "feature.py")
        #expect(findings?.first?["cwe"] as? String == "CWE-78")
        #expect(findings?.first?["line"] as? Int == 4)
        #expect(json?["version"] as? Int == 1)
        let all = try repo.scan("--all")
        #expect(all.status == 1)
        #expect(all.stderr.contains("2 files checked"))
        let badRef = try repo.scan("--range", "main..nope")
        #expect(badRef.status == 2)
        #expect(badRef.stderr.contains("nope"))
    }

    @Test func skippedFilesAreCountedAndGlobsApply() throws {
        let repo = try Repo()
        try repo.write("gen/generated.py", Self.vulnerable)
        try repo.write("script", "#!/usr/bin/env python3\n" + Self.vulnerable)
        try repo.write("notes.txt", "os.system(x)\n")
        try FileManager.default.createSymbolicLink(atPath: repo.url.appendingPathComponent("link.py").path, withDestinationPath: "calc.py")
        try Data([0x70, 0x00, 0x01]).write(to: repo.url.appendingPathComponent("blob.py"))
        try repo.write(".autosafecoder.yaml", "version: 1\nanalyzer:\n  exclude: [\"gen/**\"]\n")
        try repo.git("add", "-A")
        let result = try repo.scan("--staged")
        #expect(result.status == 1)
        #expect(result.stdout == "script:5:15 ASC605 (CWE-78) [high] os.system runs a built command through a shell (command injection)\n")
        #expect(result.stderr.contains("skipped: 1 binary, 1 excluded, 1 symlink"))
        try repo.git("commit", "-q", "-m", "x", "--no-verify")
        try repo.git("rm", "-q", "calc.py")
        #expect(try repo.scan("--staged").stderr.contains("1 deleted"))
    }

    @Test func baselineKeepsKnownFindingsQuietButNotNewOnes() throws {
        let repo = try Repo()
        try repo.write("calc.py", Self.vulnerable)
        try repo.git("add", "calc.py")
        try repo.git("commit", "-q", "-m", "legacy", "--no-verify")
        let baseline = repo.url.appendingPathComponent("baseline.json").path
        let write = try repo.scan("--all", "--write-baseline", baseline)
        #expect(write.status == 0)
        #expect(try repo.scan("--all").status == 1)
        #expect(try repo.scan("--all", "--baseline", baseline).status == 0)
        // Lines shift above the known finding: still known.
        try repo.write("calc.py", "# header\n\n" + Self.vulnerable)
        try repo.git("add", "calc.py")
        try repo.git("commit", "-q", "-m", "shift", "--no-verify")
        #expect(try repo.scan("--all", "--baseline", baseline).status == 0)
        // A second identical finding of the same rule is new.
        try repo.write("calc.py", "# header\n\n" + Self.vulnerable + "    os.system(\"ls \" + cmd)\n")
        try repo.git("add", "calc.py")
        try repo.git("commit", "-q", "-m", "second", "--no-verify")
        let second = try repo.scan("--all", "--baseline", baseline)
        #expect(second.status == 1)
        #expect(second.stderr.contains("1 in baseline"))
    }

    @Test func suppressedFindingsAreCountedAndMarked() throws {
        let repo = try Repo()
        try repo.write("calc.py", Self.vulnerable.replacingOccurrences(of: "cmd)\n", with: "cmd)  # nosec B605\n"))
        try repo.git("add", "calc.py")
        let result = try repo.scan("--staged", "--format", "json")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"suppressed\" : true"))
        #expect(result.stderr.contains("1 suppressed"))
    }

    @Test func syntaxErrorIsReportedAndScanGoesOn() throws {
        let repo = try Repo()
        try repo.write("broken.py", "def f(:\n    pass\n")
        try repo.write("calc.py", Self.vulnerable)
        try repo.git("add", "-A")
        let result = try repo.scan("--staged")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("broken.py:1:7: error: SyntaxError: invalid syntax\ncalc.py:4:15 ASC605"))
    }

    @Test func notARepositoryIsBadInput() throws {
        let url = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try TestSupport.run(TestSupport.toolPath, ["scan", "--staged", "--no-fuzz"], in: url, environment: ["PATH": "/usr/bin:/bin", "GIT_CEILING_DIRECTORIES": url.deletingLastPathComponent().path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: cannot open"))
    }

    @Test func plainPathsWithoutGitAndAtomicOutput() throws {
        let url = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Self.vulnerable.write(to: url.appendingPathComponent("src/a.py"), atomically: true, encoding: .utf8)
        try Self.clean.write(to: url.appendingPathComponent("src/b.py"), atomically: true, encoding: .utf8)
        let output = url.appendingPathComponent("report.json").path
        let result = try TestSupport.run(TestSupport.toolPath, ["scan", "src", "--format", "json", "--output", output], in: url,
                                         environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "GIT_CEILING_DIRECTORIES": url.deletingLastPathComponent().path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.contains("\"file\" : \"src/a.py\""))
        let missing = try TestSupport.run(TestSupport.toolPath, ["scan", "nope.py"], in: url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.py: no such file or directory"))
    }

    /// A directory scan takes `.py` files and Python shebang scripts at any depth; it passes
    /// over other files, links, `.git` and FIFOs (a read would block) without reading them.
    @Test func directoryScanChoosesFilesLikeItSays() throws {
        let url = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        let manager = FileManager.default
        for directory in ["src/deep/er", "src/.git", "elsewhere"] {
            try manager.createDirectory(at: url.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write("src/a.py", Self.vulnerable)
        try write("src/deep/er/b.py", Self.vulnerable)
        try write("src/tool", "#!/usr/bin/env python3\n" + Self.vulnerable)
        try write("src/run.sh", "#!/bin/sh\nls $1\n")
        try write("src/.git/hook.py", Self.vulnerable)
        try write("elsewhere/linked.py", Self.vulnerable)
        try manager.createSymbolicLink(atPath: url.appendingPathComponent("src/link.py").path, withDestinationPath: "../elsewhere/linked.py")
        #expect(mkfifo(url.appendingPathComponent("src/pipe.py").path, 0o600) == 0)
        let output = url.appendingPathComponent("report.json").path
        let result = try TestSupport.run(TestSupport.toolPath, ["scan", "src", "--format", "json", "--output", output], in: url,
                                         environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "GIT_CEILING_DIRECTORIES": url.deletingLastPathComponent().path])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let files = Set(findings.compactMap { $0["file"] as? String })
        #expect(files == ["src/a.py", "src/deep/er/b.py", "src/tool"])
        // Named explicitly, a link is followed.
        let linked = try TestSupport.run(TestSupport.toolPath, ["scan", "src/link.py"], in: url,
                                         environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "GIT_CEILING_DIRECTORIES": url.deletingLastPathComponent().path])
        #expect(linked.status == 1)
        #expect(linked.stdout.contains("src/link.py:4"))
    }
}
