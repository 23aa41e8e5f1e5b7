import Foundation
import Pipeline
import Testing

@Suite("hook install, report formats, odd repositories")
struct GateIntegrationTests {
    typealias Repo = ScanGitTests.Repo

    private func tool(_ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(TestSupport.toolPath, arguments, in: directory, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path])
    }

    @Test func shippedHookIsTheInstalledHook() throws {
        let shipped = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("hooks/pre-commit"), encoding: .utf8)
        #expect(shipped == PreCommitHook.script)
    }

    @Test func installChainsForceAndUninstallRestores() throws {
        let repo = try Repo()
        let hooks = repo.url.appendingPathComponent(".git/hooks")
        let hook = hooks.appendingPathComponent("pre-commit")
        let first = try tool(["install"], in: repo.url)
        #expect(first.status == 0)
        #expect(first.stdout == "autosafecoder: installed: \(hook.path)\n")
        #expect(try String(contentsOf: hook, encoding: .utf8) == PreCommitHook.script)
        let attributes = try FileManager.default.attributesOfItem(atPath: hook.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o755)
        #expect(try tool(["install"], in: repo.url).stdout.hasPrefix("autosafecoder: already installed"))
        #expect(try tool(["uninstall"], in: repo.url).stdout == "autosafecoder: removed: \(hook.path)\n")

        // A foreign hook: refused, then chained, then restored.
        let foreign = "#!/bin/sh\necho foreign >> \"$(git rev-parse --git-dir)/foreign-ran\"\n"
        try foreign.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let refused = try tool(["install"], in: repo.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists and is not ours"))
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)
        #expect(try tool(["install", "--chain"], in: repo.url).status == 0)
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.chained"), encoding: .utf8) == foreign)
        // The chained hook runs before ours at commit time.
        try repo.write("new.py", ScanGitTests.clean)
        try repo.git("add", "new.py")
        let bin = repo.url.appendingPathComponent(".bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("autosafecoder").path, withDestinationPath: TestSupport.toolPath)
        let commit = try TestSupport.run("/usr/bin/git", ["-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "x"], in: repo.url,
                                         environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": repo.url.path])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".git/foreign-ran").path))
        #expect(try tool(["uninstall"], in: repo.url).stdout.hasPrefix("autosafecoder: removed; restored the previous hook"))
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)

        // --force keeps a backup; uninstall restores it.
        #expect(try tool(["install", "--force"], in: repo.url).status == 0)
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.autosafecoder-backup"), encoding: .utf8) == foreign)
        #expect(try tool(["uninstall"], in: repo.url).status == 0)
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)
        // A foreign hook is never removed by uninstall.
        #expect(try tool(["uninstall"], in: repo.url).status == 2)
    }

    @Test func installRespectsCoreHooksPath() throws {
        let repo = try Repo()
        try repo.git("config", "core.hooksPath", ".githooks")
        let result = try tool(["install"], in: repo.url.appendingPathComponent("."))
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".githooks/pre-commit").path))
        #expect(!FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".git/hooks/pre-commit").path))
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        guard let shared = TestSupport.sharedDirectory else { return }  // schema not available: skip
        let repo = try Repo()
        try repo.write("dir with space/calc.py", "# ü\n" + ScanGitTests.vulnerable)
        try repo.write("broken.py", "def f(:\n")
        try repo.git("add", "-A")
        let output = repo.url.appendingPathComponent("out.sarif")
        let result = try repo.scan("--staged", "--format", "sarif", "--output", output.path)
        #expect(result.status == 1)
        let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        doc = json.load(open(sys.argv[2]))
        jsonschema.Draft7Validator(schema).validate(doc)
        run = doc["runs"][0]
        result = run["results"][0]
        rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
        print(result["ruleId"], rule["id"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              result["locations"][0]["physicalLocation"]["region"]["startLine"], rule["properties"]["security-severity"],
              ",".join(rule["properties"]["tags"]), "fp" if result["partialFingerprints"] else "nofp",
              len(run["invocations"][0]["toolExecutionNotifications"]))
        """
        let check = try TestSupport.run("/usr/bin/env", ["python3", "-c", validator,
                                                          shared.appendingPathComponent("datasets/sarif-schema-2.1.0.json").path, output.path])
        try #require(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "ASC605 ASC605 dir%20with%20space/calc.py 5 8.0 security,external/cwe/cwe-078 fp 1\n")
    }

    @Test func githubAndJUnitFormats() throws {
        let repo = try Repo()
        try repo.write("calc.py", ScanGitTests.vulnerable)
        try repo.git("add", "calc.py")
        let github = try repo.scan("--staged", "--format", "github")
        #expect(github.status == 1)
        #expect(github.stdout == "::error file=calc.py,line=4,endLine=4,col=15,endColumn=26,title=ASC605 (CWE-78)::os.system runs a built command through a shell (command injection)\n")
        let junit = try repo.scan("--staged", "--format", "junit")
        #expect(junit.stdout.contains("<testsuite name=\"autosafecoder\" tests=\"1\" failures=\"1\" errors=\"0\">"))
        #expect(junit.stdout.contains("<failure message=\"1 problem\" type=\"autosafecoder\">calc.py:4:15 ASC605 (CWE-78) [high]"))
    }

    @Test func linkedWorktreeScansItsOwnIndex() throws {
        let repo = try Repo()
        let worktree = repo.url.deletingLastPathComponent().appendingPathComponent(repo.url.lastPathComponent + "-wt")
        defer { try? FileManager.default.removeItem(at: worktree) }
        try repo.git("worktree", "add", "-q", "-b", "side", worktree.path)
        try ScanGitTests.vulnerable.write(to: worktree.appendingPathComponent("wt.py"), atomically: true, encoding: .utf8)
        try TestSupport.git(["add", "wt.py"], in: worktree)
        let result = try tool(["scan", "--staged", "--no-fuzz"], in: worktree)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("wt.py:4:15 ASC605"))
        // The main worktree's index is untouched and clean.
        #expect(try repo.scan("--staged").status == 0)
    }

    @Test func shallowCloneWithoutMergeBaseSaysToFetchMore() throws {
        let repo = try Repo()
        for index in 1...3 {
            try repo.write("f\(index).py", ScanGitTests.clean)
            try repo.git("add", "-A")
            try repo.git("commit", "-q", "-m", "c\(index)", "--no-verify")
        }
        try repo.git("checkout", "-q", "-b", "feature", "HEAD~2")
        try repo.write("feat.py", ScanGitTests.vulnerable)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "feature", "--no-verify")
        let clone = repo.url.deletingLastPathComponent().appendingPathComponent(repo.url.lastPathComponent + "-shallow")
        defer { try? FileManager.default.removeItem(at: clone) }
        try TestSupport.git(["clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repo.url.path, clone.path], in: repo.url)
        try TestSupport.git(["checkout", "-q", "feature"], in: clone)
        let result = try tool(["scan", "--base", "origin/main", "--no-fuzz"], in: clone)
        #expect(result.status == 2)
        #expect(result.stderr.contains("shallow clone without the merge base; fetch more history"))
        // With full history the same gate works.
        try TestSupport.git(["fetch", "-q", "--unshallow"], in: clone)
        let full = try tool(["scan", "--base", "origin/main", "--no-fuzz"], in: clone)
        #expect(full.status == 1)
        #expect(full.stdout.hasPrefix("feat.py:4:15 ASC605"))
    }

    @Test func repositoryOwnedByAnotherUserIsScanned() throws {
        guard getuid() == 0 else { return }  // only root can hand a directory to another user
        let repo = try Repo()
        try repo.write("calc.py", ScanGitTests.vulnerable)
        try repo.git("add", "calc.py")
        _ = try TestSupport.run("/bin/chown", ["-R", "65534:65534", repo.url.path])
        defer { _ = try? TestSupport.run("/bin/chown", ["-R", "0:0", repo.url.path]) }
        let result = try tool(["scan", "--staged", "--no-fuzz"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("calc.py:4:15 ASC605"))
    }

    @Test func nonUTF8FileHonoursCodingCookie() throws {
        let repo = try Repo()
        var bytes = Array("# -*- coding: latin-1 -*-\nimport os\nname = '".utf8)
        bytes += [0xE9]  // é in Latin-1
        bytes += Array("'\nos.system(name + suffix)\n".utf8)  // not a constant command: high
        try Data(bytes).write(to: repo.url.appendingPathComponent("latin.py"))
        try Data([0x78, 0x20, 0x3D, 0x20, 0x27, 0xE9, 0x27, 0x0A]).write(to: repo.url.appendingPathComponent("bad.py"))
        try repo.git("add", "-A")
        let result = try repo.scan("--staged")
        #expect(result.status == 1)
        #expect(result.stdout.contains("latin.py:4:11 ASC605"))
        #expect(result.stdout.contains("bad.py:1:"))
        #expect(result.stdout.contains("utf-8"))
    }
}

@Suite("more skips and the hook script")
struct GateEdgeTests {
    @Test func oversizeAndSubmoduleAreSkippedAndCounted() throws {
        let inner = try ScanGitTests.Repo()
        let repo = try ScanGitTests.Repo()
        try repo.write("big.py", "x = 1\n" + String(repeating: "# padding line to make the file large\n", count: 80))
        try repo.write(".autosafecoder.yaml", "version: 1\nanalyzer:\n  max_file_size_kb: 2\n")
        try TestSupport.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.url.path, "vendor/lib.py"], in: repo.url)
        try repo.git("add", "-A")
        let result = try repo.scan("--staged")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 submodule"))
        #expect(result.stderr.contains("1 too-large"))
    }

    @Test func hookExplainsAMissingBinaryAndHonoursSkip() throws {
        let hook = TestSupport.packageRoot.appendingPathComponent("hooks/pre-commit").path
        let missing = try TestSupport.run("/bin/sh", [hook], environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the 'autosafecoder' binary is not on PATH"))
        #expect(missing.stderr.contains("git commit --no-verify"))
        let skipped = try TestSupport.run("/bin/sh", [hook], environment: ["PATH": "/usr/bin:/bin", "AUTOSAFECODER_SKIP": "1"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr == "autosafecoder: skipped (AUTOSAFECODER_SKIP=1)\n")
    }
}
