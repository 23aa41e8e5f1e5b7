import Foundation
import Fuzzer
import Pipeline
import PolicyKit
import PythonSyntax
import Testing

/// Runs `autosafecoder fuzz` on a module written to a temporary directory.
private struct FuzzRun {
    var status: Int32
    var json: [String: Any]
    var stderr: String

    var findings: [[String: Any]] { json["findings"] as? [[String: Any]] ?? [] }
    var targets: [[String: Any]] { json["targets"] as? [[String: Any]] ?? [] }

    func findings(of function: String) -> [[String: Any]] { findings.filter { $0["function"] as? String == function } }
    func kinds(of function: String) -> Set<String> { Set(findings(of: function).compactMap { $0["kind"] as? String }) }
    func target(_ function: String) -> [String: Any]? { targets.first { $0["function"] as? String == function } }

    static func run(_ source: String, budget: Double = 0.4, seed: Int = 1, extra: [String] = [], policy: String? = nil,
                    files: [String: String] = [:]) throws -> (FuzzRun, URL) {
        let directory = try TestSupport.temporaryDirectory()
        try source.write(to: directory.appendingPathComponent("target.py"), atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var arguments = ["fuzz", "target.py", "--budget", String(budget), "--seed", String(seed), "--format", "json"] + extra
        if let policy {
            try policy.write(to: directory.appendingPathComponent("fuzz-policy.yaml"), atomically: true, encoding: .utf8)
            arguments += ["--policy", "fuzz-policy.yaml"]
        }
        let result = try TestSupport.run(TestSupport.toolPath, arguments, in: directory)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (FuzzRun(status: result.status, json: json, stderr: result.stderr), directory)
    }
}

@Suite("Fuzzer: finding bugs end to end", .serialized)
struct FuzzerEndToEndTests {
    @Test func crashesAreFoundAndDocumentedErrorsAreNot() throws {
        let (run, directory) = try FuzzRun.run("""
        from typing import List, Optional


        def header_value(line: str) -> str:
            return line.split(":")[1].strip()


        def mean(values: List[float]) -> float:
            return sum(values) / len(values)


        def port(config: dict) -> int:
            return int(config["port"])


        def parse_age(text: str) -> int:
            \"\"\"Parse an age.

            Raises:
                ValueError: if text is not a number between 0 and 150.
            \"\"\"
            age = int(text)
            if not 0 <= age <= 150:
                raise ValueError("age out of range")
            return age


        class Temperature:
            @staticmethod
            def celsius(kelvin: float) -> float:
                if kelvin < 0:
                    raise ValueError("below absolute zero")
                return kelvin - 273.15


        def shout(name):
            print("the target may print; the protocol has its own pipe")
            return name.upper() + "!"
        """)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.findings(of: "header_value").contains { $0["exception"] as? String == "IndexError" && $0["input"] as? String == "header_value('')" })
        #expect(run.findings(of: "mean").contains { $0["exception"] as? String == "ZeroDivisionError" && $0["input"] as? String == "mean([])" })
        #expect(run.findings(of: "port").contains { $0["exception"] as? String == "KeyError" })
        // Own `raise`, a documented library error, and an unannotated parameter typed from use.
        #expect(run.findings(of: "parse_age").isEmpty)
        #expect(run.findings(of: "Temperature.celsius").isEmpty)
        #expect(run.findings(of: "shout").isEmpty)
        for name in ["header_value", "mean", "port", "parse_age", "Temperature.celsius", "shout"] {
            let target = try #require(run.target(name), "\(name) listed in targets")
            #expect(target["status"] as? String == "fuzzed")
            #expect((target["executions"] as? Int ?? 0) > 50, "\(name) ran")
            #expect((target["lines_covered"] as? Int ?? 0) >= 1, "\(name) covered lines")
        }
        // Each finding carries a reproducer that really reproduces it.
        let finding = try #require(run.findings(of: "header_value").first)
        let reproducer = try #require(finding["reproducer"] as? String)
        #expect(reproducer.hasPrefix("from target import header_value\nheader_value('')"))
        let replay = try TestSupport.run("/usr/bin/env", ["python3", "-c", reproducer], in: directory)
        #expect(replay.status == 1 && replay.stderr.contains("IndexError"))
        #expect(finding["kind"] as? String == "crash" && finding["cwe"] as? String == "CWE-248" && finding["line"] as? Int == 5)
        #expect((run.json["fuzz"] as? [String: Any])?["seed"] as? Int == 1)
    }

    @Test func hangsAndMemoryBugs() throws {
        let (run, directory) = try FuzzRun.run("""
        def countdown(step: int) -> int:
            n = 10
            while n > 0:
                n -= step
            return n


        def blow_up(n: int) -> int:
            return len(b"x" * (n * 1024 * 1024))


        def backtrack(text: str) -> bool:
            # Catastrophic backtracking inside C: the per-call alarm cannot interrupt it, the
            # parent's watchdog must kill the worker.
            import re
            return re.match(r"^(a+)+$", "a" * 40 + text) is not None


        def after_the_kill(n: int) -> int:
            return 100 // n


        def factorial(n: int) -> int:
            # Slow for n = 2**63 but correct: a timeout that smaller numbers do not repeat is
            # work proportional to a huge input, not a hang.
            if n < 0:
                raise ValueError("negative")
            result = 1
            for i in range(2, n + 1):
                result *= i
            return result
        """, budget: 1.5, policy: "version: 1\nfuzz:\n  call_timeout_ms: 200\n  memory_limit_mb: 256\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.kinds(of: "countdown") == ["hang"], "\(run.findings)")
        #expect(run.kinds(of: "backtrack") == ["hang"], "\(run.findings)")
        #expect(run.findings(of: "backtrack").first?["input"] as? String != "backtrack('')")
        #expect(run.kinds(of: "after_the_kill") == ["crash"], "a killed worker is replaced: \(run.findings)")
        #expect(run.findings(of: "factorial").isEmpty, "\(run.findings(of: "factorial"))")
        #expect(run.target("factorial")?["status"] as? String == "fuzzed")
        #expect(run.kinds(of: "blow_up").contains("memory"), "\(run.findings)")
    }

    @Test func securityOraclesConfirmFlawsAndPassSafeTwins() throws {
        let (run, directory) = try FuzzRun.run("""
        import base64
        import os
        import pickle
        import shlex
        import sqlite3
        import subprocess

        BASE = "/srv/app/static"


        def list_dir(name: str):
            os.system("ls " + name)


        def list_dir_quoted(name: str):
            os.system("ls " + shlex.quote(name))


        def grep(pattern: str):
            return subprocess.run(f"grep {pattern} /dev/null", shell=True).returncode


        def grep_argv(pattern: str):
            return subprocess.run(["grep", pattern, "/dev/null"]).returncode


        def calc(expression: str):
            return eval(expression)


        def load_token(token: str):
            return pickle.loads(base64.b64decode(token))


        def read_static(filename: str) -> bytes:
            with open(os.path.join(BASE, filename), "rb") as f:
                return f.read()


        def read_static_safe(filename: str) -> bytes:
            with open(os.path.join(BASE, os.path.basename(filename)), "rb") as f:
                return f.read()


        def read_any(path: str) -> bytes:
            # The caller names the file: opening it is the function's contract, not a traversal.
            with open(path, "rb") as f:
                return f.read(16)


        def find_user(name: str):
            db = sqlite3.connect(":memory:")
            db.execute("CREATE TABLE users (name TEXT)")
            return db.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()


        def find_user_safe(name: str):
            db = sqlite3.connect(":memory:")
            db.execute("CREATE TABLE users (name TEXT)")
            return db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()
        """, budget: 0.5)
        defer { try? FileManager.default.removeItem(at: directory) }
        func cwes(_ function: String) -> Set<String> {
            Set(run.findings(of: function).filter { $0["kind"] as? String == "security" }.compactMap { $0["cwe"] as? String })
        }
        #expect(cwes("list_dir") == ["CWE-78"])
        #expect(cwes("grep") == ["CWE-78"])
        #expect(cwes("calc") == ["CWE-95"] || cwes("calc") == ["CWE-94"] || cwes("calc") == ["CWE-94", "CWE-95"])
        #expect(cwes("load_token") == ["CWE-502"])
        #expect(cwes("read_static") == ["CWE-22"])
        #expect(cwes("find_user") == ["CWE-89"])
        for safe in ["list_dir_quoted", "grep_argv", "read_static_safe", "read_any", "find_user_safe"] {
            #expect(cwes(safe).isEmpty, "\(safe): \(run.findings(of: safe))")
        }
        let confirmed = try #require(run.findings(of: "list_dir").first { $0["kind"] as? String == "security" })
        #expect(confirmed["severity"] as? String == "high")
        #expect((confirmed["input"] as? String ?? "").contains("ascpwn"))
    }

    @Test func sandboxKeepsFilesProcessesAndNetworkSafe() throws {
        for mode in ["audit", "bwrap"] {
            let canary = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: canary) }
            let protected = canary.appendingPathComponent("dir")
            try FileManager.default.createDirectory(at: protected, withIntermediateDirectories: true)
            try "keep".write(to: protected.appendingPathComponent("inner.txt"), atomically: true, encoding: .utf8)
            let file = canary.appendingPathComponent("file.txt")
            try "keep".write(to: file, atomically: true, encoding: .utf8)
            let tag = "asc-fork-\(UUID().uuidString.prefix(8))"
            let (run, directory) = try FuzzRun.run("""
            import os
            import shutil
            import socket
            import time


            def wipe(path: str = "\(protected.path)"):
                shutil.rmtree(path)


            def delete(path: str = "\(file.path)"):
                os.remove(path)


            def overwrite(path: str = "\(file.path)"):
                with open(path, "w") as f:
                    f.write("owned")


            def phone_home(host: str = "127.0.0.1", port: int = 22):
                socket.create_connection((host, port), timeout=1).close()


            def fork_loop(n: int = 3):
                for _ in range(max(0, min(n, 20))):
                    if os.fork() == 0:
                        os.execv("/bin/sleep", ["sleep", "30", "\(tag)"])
            """, budget: 0.4, extra: ["--sandbox", mode])
            defer { try? FileManager.default.removeItem(at: directory) }
            if mode == "bwrap", run.status == 2, run.stderr.contains("bubblewrap") { continue }  // no bwrap here
            #expect((run.json["fuzz"] as? [String: Any])?["sandbox"] as? String == mode, "\(mode): \(run.stderr)")
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep", "\(mode)")
            #expect(try String(contentsOf: protected.appendingPathComponent("inner.txt"), encoding: .utf8) == "keep", "\(mode)")
            #expect(run.targets.filter { $0["status"] as? String == "fuzzed" }.count == 5, "\(mode): \(run.targets)")
            let leftovers = try TestSupport.run("/usr/bin/env", ["pgrep", "-f", tag], in: directory)
            #expect(leftovers.stdout.isEmpty, "\(mode): processes left behind: \(leftovers.stdout)")
            // Workers of other tests running at the same time have a living autosafecoder (or
            // bwrap) parent; one left behind by this run would have been reparented.
            let orphans = try TestSupport.run("/usr/bin/env", ["python3", "-c", """
            import os
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\\0", b" ").decode()
                    ppid = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1]
                    parent = open(f"/proc/{ppid}/comm").read().strip()
                except OSError:
                    continue
                if "autosafecoder" + "-fuzz-" in cmd and parent not in ("autosafecoder", "bwrap") and pid != str(os.getpid()):
                    print(pid, parent, cmd)
            """], in: directory)
            #expect(orphans.stdout.isEmpty, "\(mode): workers left behind: \(orphans.stdout)")
        }
    }

    @Test func unimportableModulesAreSkippedWithTheReason() throws {
        let (run, directory) = try FuzzRun.run("""
        import requests_that_do_not_exist


        def f(x: int) -> int:
            return x
        """)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 0)
        #expect(run.findings.isEmpty)
        let target = try #require(run.target("f"))
        #expect(target["status"] as? String == "skipped")
        #expect((target["reason"] as? String ?? "").contains("ModuleNotFoundError"))
    }

    @Test func aSeedReproducesTheRun() throws {
        let source = """
        def pick(items: list, index: int):
            if index > 3:
                return items[index]
            return None
        """
        let policy = "version: 1\nfuzz:\n  max_executions: 3000\n"
        let (first, d1) = try FuzzRun.run(source, budget: 30, seed: 42, policy: policy)
        let (second, d2) = try FuzzRun.run(source, budget: 30, seed: 42, policy: policy)
        defer { try? FileManager.default.removeItem(at: d1); try? FileManager.default.removeItem(at: d2) }
        let inputs = { (run: FuzzRun) in run.findings.compactMap { $0["input"] as? String } }
        #expect(!inputs(first).isEmpty)
        #expect(inputs(first) == inputs(second))
        #expect(first.target("pick")?["executions"] as? Int == 3000)
        #expect(first.target("pick")?["lines_covered"] as? Int == second.target("pick")?["lines_covered"] as? Int)
    }

    @Test func regressionTestsAreWrittenAndFailUntilFixed() throws {
        let (run, directory) = try FuzzRun.run("""
        def first_word(text: str) -> str:
            return text.split()[0]
        """, extra: ["--write-tests", "regressions"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 1)
        let tests = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("regressions").path)
        #expect(tests.count == run.findings.count && !tests.isEmpty)
        let name = try #require(tests.first).replacingOccurrences(of: ".py", with: "")
        let call = "import sys; sys.path[:0] = ['.', 'regressions']; import \(name) as t; [getattr(t, n)() for n in dir(t) if n.startswith('test_')]"
        let failing = try TestSupport.run("/usr/bin/env", ["python3", "-c", call], in: directory)
        #expect(failing.status != 0 && failing.stderr.contains("AssertionError"))
        try "def first_word(text: str) -> str:\n    words = text.split()\n    return words[0] if words else ''\n"
            .write(to: directory.appendingPathComponent("target.py"), atomically: true, encoding: .utf8)
        let passing = try TestSupport.run("/usr/bin/env", ["python3", "-c", call], in: directory)
        #expect(passing.status == 0, "\(passing.stderr)")
    }

    @Test func onlyTheProjectsLinesCountAsCoverage() throws {
        // Run from the directory above, so the project root also holds the worker's private
        // directory (/tmp): the worker's own lines must not count.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "def twice(x: int) -> int:\n    return x * 2\n".write(to: directory.appendingPathComponent("m.py"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["fuzz", directory.lastPathComponent + "/m.py", "--budget", "0.3", "--format", "json"],
                                         in: directory.deletingLastPathComponent())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let target = try #require((document["targets"] as? [[String: Any]])?.first)
        #expect(target["lines_covered"] as? Int == 1, "\(target)")
    }

    @Test func badTargetsAreClearErrors() throws {
        let (run, directory) = try FuzzRun.run("def f(x: int) -> int:\n    return x\n", extra: [])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.status == 0)
        let missing = try TestSupport.run(TestSupport.toolPath, ["fuzz", "target.py::nope"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("target.py: no module-level function or static/class method named `nope`"))
        let absent = try TestSupport.run(TestSupport.toolPath, ["fuzz", "absent.py"], in: directory)
        #expect(absent.status == 2 && absent.stderr.contains("absent.py: no such file or directory"))
        try "def broken(:\n".write(to: directory.appendingPathComponent("broken.py"), atomically: true, encoding: .utf8)
        let broken = try TestSupport.run(TestSupport.toolPath, ["fuzz", "broken.py"], in: directory)
        #expect(broken.status == 2 && broken.stderr.contains("broken.py:1:"))
        let python = try TestSupport.run(TestSupport.toolPath, ["fuzz", "target.py", "--python", "no-such-python3"], in: directory)
        #expect(python.status == 2 && python.stderr.contains("no-such-python3 not found"))
    }
}

@Suite("Fuzzer: targets, types and values")
struct FuzzerUnitTests {
    private func targets(_ source: String) throws -> [String: FuzzTarget] {
        let parsed = try PythonSyntax.parse(Array(source.utf8))
        return Dictionary(uniqueKeysWithValues: TargetDiscovery.targets(in: parsed).map { ($0.name, $0) })
    }

    @Test func targetsAreFunctionsAndStaticOrClassMethods() throws {
        let found = try targets("""
        def top(a, b=1): pass
        async def coro(x: int): pass
        class C:
            def method(self, x): pass
            @staticmethod
            def static(x): pass
            @classmethod
            def build(cls, text): return text.strip()
        """)
        #expect(Set(found.keys) == ["top", "coro", "C.static", "C.build"])
        #expect(found["C.build"]?.inferred["text"] == .str)
    }

    @Test func typesAreInferredFromUse() throws {
        let found = try targets("""
        def f(a, b, c, d, e, g, h, k, step):
            a.split(",")
            b + 1
            c[0]
            for item in d:
                item.strip()
            e.get("key")
            if g is None:
                return
            g.lower()
            h.decode()
            k.append(1)
            total = 10
            total -= step
        """)
        let inferred = try #require(found["f"]).inferred
        #expect(inferred["a"] == .str)
        #expect(inferred["b"] == .int)
        #expect(inferred["c"] == .union([.str, .list(.any)]))
        #expect(inferred["d"] == .list(.str))
        #expect(inferred["e"] == .dict(key: .str, value: .any))
        #expect(inferred["g"] == .union([.str, .none]))
        #expect(inferred["h"] == .bytes)
        #expect(inferred["k"] == .list(.int))
        #expect(inferred["step"] == .int)
    }

    @Test func constantsDoctestsAndDocumentedExceptions() throws {
        let found = try targets("""
        def command(text: str, limit: int = 10) -> str:
            \"\"\"Run a command.

            >>> command("reset", limit=3)
            'ok'
            >>> command('x' * 3)

            Raises:
                KeyError: for unknown commands.
                mypkg.errors.CommandError: when it fails.

            It raises TimeoutError if the device does not answer, see :raises LookupError:.
            \"\"\"
            if text == "reboot-now":
                return text[2:40]
            return {"a": 1}[text]
        """)
        let target = try #require(found["command"])
        #expect(target.constants.contains(.string("reboot-now")))
        #expect(target.constants.contains(.int(40)) && target.constants.contains(.int(39)) && target.constants.contains(.int(41)))
        #expect(target.constants.contains(.string("a")))
        #expect(!target.constants.contains(where: { ($0.text ?? "").hasPrefix("Run a command") }))
        #expect(target.doctests == [FuzzInput(args: [.string("reset")], kwargs: [FuzzField("limit", .int(3))])])
        #expect(target.documentedExceptions == ["KeyError", "CommandError", "TimeoutError", "LookupError"])
    }

    @Test func literalsRenderAsPythonThatEvaluatesToTheSameValue() throws {
        let values: [FuzzValue] = [
            .none, .bool(true), .int(-5), .bigInt("123456789012345678901234567890"), .float(-0.0), .float(.nan), .float(1.5), .float(3),
            .str([0x27, 0x22, 0x5C, 0x0A, 0xE9, 0xD800, 0x1F600, 0x202E]), .bytes([0, 0x27, 0xFF, 0x41]), .bytearray([1, 2]),
            .list([.int(1), .tuple([.string("a")])]), .tuple([]), .set([]), .frozenset([.int(1)]),
            .dict([FuzzPair(.string("k"), .list([]))]), .path("../x"),
        ]
        let literals = values.map(PythonLiteral.render)
        let program = "import math, pathlib\nfor text in \(PythonLiteral.render(.list(literals.map(FuzzValue.string)))):\n    print(repr(eval(text)))\n"
        let result = try TestSupport.run("/usr/bin/env", ["python3", "-c", program])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = result.stdout.split(separator: "\n").map(String.init)
        #expect(printed == [
            "None", "True", "-5", "123456789012345678901234567890", "-0.0", "nan", "1.5", "3.0",
            "'\\'\"\\\\\\né\\ud800😀\\u202e'", "b\"\\x00'\\xffA\"", "bytearray(b'\\x01\\x02')",
            "[1, ('a',)]", "()", "set()", "frozenset({1})", "{'k': []}", "PosixPath('../x')",
        ])
    }

    @Test func theRandomSourceIsSeeded() {
        var a = Xoshiro(seed: 7), b = Xoshiro(seed: 7), c = Xoshiro(seed: 8)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
    }
}

@Suite("Fuzz stage of scan", .serialized)
struct FuzzStageTests {
    @Test func stagedScanFuzzesOnlyChangedFunctionsAndEveryFormatCarriesTheResults() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try TestSupport.git(["init", "-q", "-b", "main"], in: directory)
        _ = try TestSupport.git(["config", "user.email", "t@example.com"], in: directory)
        _ = try TestSupport.git(["config", "user.name", "T"], in: directory)
        let old = "def old_bug(items: list) -> int:\n    return items[0]\n"
        try old.write(to: directory.appendingPathComponent("mod.py"), atomically: true, encoding: .utf8)
        _ = try TestSupport.git(["add", "-A"], in: directory)
        _ = try TestSupport.git(["commit", "-q", "-m", "base"], in: directory)
        try (old + "\n\ndef new_bug(text: str) -> str:\n    return text.split('=')[1]\n")
            .write(to: directory.appendingPathComponent("mod.py"), atomically: true, encoding: .utf8)
        _ = try TestSupport.git(["add", "-A"], in: directory)

        let scan = { (extra: [String]) in
            try TestSupport.run(TestSupport.toolPath, ["scan", "--staged", "--budget", "0.3", "--sandbox", "audit"] + extra, in: directory,
                                environment: ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        }
        let json = try scan(["--format", "json"])
        #expect(json.status == 1, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let targets = document["targets"] as? [[String: Any]] ?? []
        #expect(targets.compactMap { $0["function"] as? String } == ["new_bug"])
        let findings = document["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 1)
        #expect(findings.first?["kind"] as? String == "crash" && findings.first?["function"] as? String == "new_bug")
        #expect(findings.first?["exception"] as? String == "IndexError" && findings.first?["line"] as? Int == 6)
        #expect((document["failures"] as? [String]) == ["fuzzing: 1 crash"])
        #expect(json.stderr.contains("fuzzed 1 function"))

        // Without a python3 the static gate still runs, and says fuzzing was skipped.
        let noPython = try TestSupport.run(TestSupport.toolPath, ["scan", "--staged"], in: directory, environment: ["PATH": "/nonexistent"])
        #expect(noPython.status == 0, "\(noPython.stderr)")
        #expect(noPython.stderr.contains("autosafecoder: warning: fuzzing skipped: python3 not found on PATH"))

        let text = try scan([])
        #expect(text.stdout.hasPrefix("mod.py:6:1 ASC901 (CWE-248) [medium] IndexError in new_bug(): list index out of range — input: new_bug('')\n"))
        let github = try scan(["--format", "github"])
        #expect(github.stdout.hasPrefix("::warning file=mod.py,line=6,title=ASC901 (CWE-248) fuzzing%3A crash::IndexError in new_bug()"))
        let junit = try scan(["--format", "junit"])
        #expect(junit.stdout.contains("<testsuite name=\"autosafecoder-fuzz\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\">"))
        #expect(try scan(["--no-fuzz"]).status == 0)

        if let shared = TestSupport.sharedDirectory {
            let sarif = directory.appendingPathComponent("out.sarif")
            _ = try scan(["--format", "sarif", "--output", sarif.path])
            let validator = """
            import json, sys, jsonschema
            doc = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(json.load(open(sys.argv[1]))).validate(doc)
            run = doc["runs"][0]
            result = run["results"][0]
            print(result["ruleId"], run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"], result["properties"]["input"])
            """
            let check = try TestSupport.run("/usr/bin/env", ["python3", "-c", validator, shared.appendingPathComponent("datasets/sarif-schema-2.1.0.json").path, sarif.path])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout == "ASC901 ASC901 new_bug('')\n")
        }
    }
}

@Suite("Fuzzer on other Pythons")
struct FuzzerPythonVersionTests {
    /// Interpreters besides the default one, where this machine has them (pyenv's, or
    /// `python3.N` on PATH); none found means nothing to check.
    static var interpreters: [String] {
        var found: [String] = []
        let pyenv = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        for version in (try? FileManager.default.contentsOfDirectory(atPath: pyenv + "/versions")) ?? [] {
            let path = "\(pyenv)/versions/\(version)/bin/python3"
            if version.hasPrefix("3."), FileManager.default.isExecutableFile(atPath: path) { found.append(path) }
        }
        return found.sorted()
    }

    @Test func theWorkerRunsOn39AndLaterAndRefusesOlder() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "def head(items: list) -> int:\n    return items[0]\n".write(to: directory.appendingPathComponent("m.py"), atomically: true, encoding: .utf8)
        for python in Self.interpreters {
            let version = try TestSupport.run(python, ["-c", "import sys; print(sys.version_info[1])"]).stdout
            guard let minor = Int(version.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            let result = try TestSupport.run(TestSupport.toolPath, ["fuzz", "m.py", "--budget", "0.3", "--seed", "1", "--python", python], in: directory)
            if minor >= 9 {
                #expect(result.status == 1, "\(python): \(result.stderr)")
                #expect(result.stdout.contains("IndexError in head(): list index out of range — input: head([])"), "\(python)")
            } else {
                #expect(result.status == 2 && result.stderr.contains("the fuzzer needs python3 >= 3.9"), "\(python)")
            }
        }
    }
}

@Suite("Patch verification by fuzzing", .serialized)
struct PatchVerifierTests {
    @Test func behaviourChangesAndNewCrashesAreCaughtAndRefactoringsPass() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let verifier = PatchVerifier(policy: Policy(), root: directory.path)
        let original = Array("def double(x: int) -> int:\n    return x * 2\n\n\ndef keep(s: str) -> str:\n    return s\n".utf8)
        func verify(_ patched: String, exempt: Set<String> = []) -> PatchVerification {
            verifier.verify(path: "m.py", original: original, patched: Array(patched.utf8), exempt: exempt)
        }
        let refactored = verify("def double(x: int) -> int:\n    return x + x\n\n\ndef keep(s: str) -> str:\n    return s\n")
        #expect(refactored.accepted, "\(refactored.reason ?? "")")
        #expect(refactored.notes.contains { $0.hasPrefix("differential check: ") && $0.contains("give equal results") }, "\(refactored.notes)")
        let changed = verify("def double(x: int) -> int:\n    return x * 3\n\n\ndef keep(s: str) -> str:\n    return s\n")
        #expect(!changed.accepted)
        #expect(changed.reason?.hasPrefix("behaviour changed: double(") == true, "\(changed.reason ?? "")")
        let exempted = verify("def double(x: int) -> int:\n    return x * 3\n\n\ndef keep(s: str) -> str:\n    return s\n", exempt: ["double"])
        #expect(exempted.accepted)
        let crashing = verify("def double(x: int) -> int:\n    return x * 2\n\n\ndef keep(s: str) -> str:\n    return s[0]\n")
        #expect(!crashing.accepted)
        #expect(crashing.reason?.contains("fuzzing the patched keep finds what the original did not: IndexError") == true, "\(crashing.reason ?? "")")
    }
}
