import Foundation
import Testing

@Suite("fix writes verified patches to a side branch")
struct FixBranchTests {
    typealias Repo = ScanGitTests.Repo

    /// Everything the user owns: HEAD, the branch, the index and the working tree, byte for byte.
    func snapshot(_ repo: Repo) throws -> String {
        let head = try repo.git("rev-parse", "HEAD")
        let symbolic = try repo.git("symbolic-ref", "HEAD")
        let status = try repo.git("status", "--porcelain")
        let index = try Data(contentsOf: repo.url.appendingPathComponent(".git/index"))
        var files = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: repo.url.path).sorted() where name != ".git" {
            files += name + ":" + ((try? String(contentsOf: repo.url.appendingPathComponent(name), encoding: .utf8)) ?? "?") + "\n"
        }
        return head + symbolic + status + index.base64EncodedString() + files
    }

    @Test func stagedFixesGoToASideBranchAndNothingElseMoves() throws {
        let repo = try Repo()
        let vulnerable = "import yaml\nimport requests\n\n\ndef load(p):\n    return yaml.load(open(p))\n\n\ndef get(u):\n    return requests.get(u, verify=False, timeout=5)\n"
        try repo.write("tool.py", vulnerable)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.url.appendingPathComponent("tool.py").path)
        try repo.git("add", "tool.py")
        try repo.write("tool.py", vulnerable + "# unstaged edit\n")
        let before = try snapshot(repo)
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        let result = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin", "HOME": repo.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let branch = "autosafecoder/fix/\(head.prefix(12))"
        #expect(result.stdout.contains("fixed  tool.py:6 ASC506 (CWE-502)"))
        #expect(result.stdout.contains("fixed  tool.py:10 ASC501 (CWE-295)"))
        #expect(result.stdout.contains("wrote \(branch)"))
        #expect(try snapshot(repo) == before, "working tree, index, HEAD and branch untouched")

        // The fix commit sits on a commit of the index, which sits on HEAD.
        #expect(try repo.git("rev-parse", "\(branch)~2").trimmingCharacters(in: .whitespacesAndNewlines) == head)
        #expect(try repo.git("show", "\(branch)~1:tool.py") == vulnerable)
        let fixed = try repo.git("show", "\(branch):tool.py")
        #expect(fixed == vulnerable.replacingOccurrences(of: "yaml.load(", with: "yaml.safe_load(").replacingOccurrences(of: "verify=False", with: "verify=True"))
        #expect(try repo.git("ls-tree", branch, "tool.py").hasPrefix("100755"), "the executable bit is kept")
        let message = try repo.git("log", "-1", "--format=%B", branch)
        #expect(message.contains("- ASC506 (CWE-502) tool.py:6"))
        #expect(message.contains("Verified:"))

        // Running again changes nothing.
        let tip = try repo.git("rev-parse", branch)
        let again = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin", "HOME": repo.url.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already holds these fixes"))
        #expect(try repo.git("rev-parse", branch) == tip)
        #expect(try snapshot(repo) == before)
    }

    @Test func nothingToFixWritesNoBranch() throws {
        let repo = try Repo()
        try repo.write("calc.py", ScanGitTests.clean + "\ndef mul(a, b):\n    return a * b\n")
        try repo.git("add", "calc.py")
        let result = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing to fix mechanically"))
        #expect(try repo.git("branch", "--list", "autosafecoder/*").isEmpty)
    }

    @Test func rangeFixesSitOnTheRangesEnd() throws {
        let repo = try Repo()
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("feat.py", "import hashlib\n\n\ndef token_digest(token):\n    return hashlib.sha1(token.encode()).hexdigest()\n")
        try repo.git("add", "feat.py")
        try repo.git("commit", "-q", "-m", "feature", "--no-verify")
        let tip = try repo.git("rev-parse", "feature").trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try TestSupport.run(TestSupport.toolPath, ["fix", "--range", "main..feature"], in: repo.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        let branch = "autosafecoder/fix/\(tip.prefix(12))"
        #expect(try repo.git("rev-parse", "\(branch)~1").trimmingCharacters(in: .whitespacesAndNewlines) == tip)
        #expect(try repo.git("show", "\(branch):feat.py").contains("hashlib.sha256(token.encode())"))
        #expect(result.stdout.contains("apply: git merge \(branch)"))
    }

    @Test func verifyCommandDropsAPatchThatBreaksTheTestsAndNamesTheOnesThatPass() throws {
        let repo = try Repo()
        let module = "import hashlib\n\n\ndef sign(secret: str, message: str) -> str:\n    return hashlib.md5((secret + message).encode()).hexdigest()\n"
        try repo.write("m.py", module)
        try repo.git("add", "m.py")
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": repo.url.path]
        func fix(check: String) throws -> TestSupport.ProcessResult {
            try repo.write("policy.yaml", "version: 1\nfix:\n  verify_command: \"python3 check.py\"\n")
            try repo.write("check.py", check)
            try repo.git("add", "policy.yaml", "check.py")
            return try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: environment)
        }
        // A test that pins MD5's length: the SHA-256 patch breaks it and is dropped.
        let pinned = try fix(check: "from m import sign\nassert len(sign('k', 'x')) == 32\n")
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(pinned.stdout.contains("dropped m.py: patch dropped: verify_command `python3 check.py` fails with this patch"), "\(pinned.stdout)")
        #expect(pinned.stdout.contains("no branch written"))
        // A test the patch keeps passing: the commit says so.
        let loose = try fix(check: "from m import sign\nassert isinstance(sign('k', 'x'), str)\n")
        #expect(loose.stdout.contains("verified m.py: verify_command `python3 check.py` passed in a checkout of the fix"), "\(loose.stdout)")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let message = try repo.git("log", "-1", "--format=%B", "autosafecoder/fix/\(head.prefix(12))")
        #expect(message.contains("verify_command `python3 check.py` passed in a checkout of the fix"))
        #expect(message.contains("differential check not applied to sign: the fix changes its results on purpose"), "\(message)")
        // A command that already fails cannot judge anything, and says so.
        let broken = try fix(check: "raise SystemExit(1)\n")
        #expect(broken.stdout.contains("already fails without the fixes, so it was not used as a check"))
        #expect(try repo.git("status", "--porcelain").contains("m.py"), "the user's files are left as they were")
    }

    @Test func oneCommitPerFileOrPerFinding() throws {
        let repo = try Repo()
        try repo.write("a.py", "import yaml\nimport requests\n\n\ndef load(p):\n    return yaml.load(open(p))\n\n\ndef get(u):\n    return requests.get(u, verify=False, timeout=5)\n")
        try repo.write("b.py", "import yaml\n\n\ndef parse(text):\n    return yaml.load(text)\n")
        try repo.git("add", "a.py", "b.py")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let branch = "autosafecoder/fix/\(head.prefix(12))"
        let environment = ["PATH": "/usr/bin:/bin", "HOME": repo.url.path]
        let perFile = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: environment)
        #expect(perFile.status == 0, "\(perFile.stderr)")
        #expect(try repo.git("rev-list", "--count", "\(head)..\(branch)").trimmingCharacters(in: .whitespacesAndNewlines) == "3", "index commit + one per file")
        #expect(perFile.stdout.contains("git diff \(branch)~2 \(branch) | git apply --index"))
        #expect(try repo.git("log", "-1", "--format=%B", branch).contains("b.py:5"))
        try repo.write("policy.yaml", "version: 1\nfix:\n  commit_per: finding\n")
        try repo.git("add", "policy.yaml")
        let head2 = head
        let perFinding = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: environment)
        #expect(perFinding.status == 0, "\(perFinding.stderr)")
        #expect(try repo.git("rev-list", "--count", "\(head2)..\(branch)").trimmingCharacters(in: .whitespacesAndNewlines) == "4", "index commit + one per finding")
        let subjects = try repo.git("log", "--format=%s", "-3", branch)
        #expect(subjects.split(separator: "\n").allSatisfy { $0.hasPrefix("autosafecoder: fix 1 finding") }, "\(subjects)")
    }
}
