import Foundation
import Testing

@Suite("eval command")
struct EvalTests {
    @Test func securityEvalTableFromTheDatasetsCode() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let samples: [[String: String]] = [
            ["ID": "CWE-502_x_1.py", "Prompt": "", "Insecure_code": "import yaml\n\ndef load(p):\n    return yaml.load(open(p))\n"],
            ["ID": "CWE-078_x_1.py", "Prompt": "", "Insecure_code": "import os\n\ndef run(c):\n    os.system(c + ' | wc -l')\n"],
            ["ID": "CWE-020_x_1.py", "Prompt": "", "Insecure_code": "def ok(x):\n    return x + 1\n"],
        ]
        let lines = try samples.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let file = directory.appendingPathComponent("se.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", file.path, "--from-insecure-code"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| vulnerable code before the loop (medium+ finding) | 66.7% (2/3) |"))
        #expect(result.stdout.contains("| vulnerable code after the loop | 33.3% (1/3) |"))
        #expect(result.stdout.contains("| … of which no finding of that CWE remains | 50.0% (1/2) |"))

        // Per sample, and the code after the loop for other judges.
        let fixed = directory.appendingPathComponent("fixed")
        let verbose = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", file.path, "--from-insecure-code", "--verbose", "--write-fixed", fixed.path],
                                          in: directory)
        #expect(verbose.stdout.contains("CWE-502_x_1.py CWE-502: fixed\n"))
        #expect(verbose.stdout.contains("CWE-078_x_1.py CWE-78: left ASC605(high)"), "\(verbose.stdout)")
        #expect(try String(contentsOf: fixed.appendingPathComponent("CWE-502_x_1.py"), encoding: .utf8).contains("yaml.safe_load("))
        #expect(try String(contentsOf: fixed.appendingPathComponent("CWE-020_x_1.py"), encoding: .utf8) == "def ok(x):\n    return x + 1\n")
    }

    @Test func humanEvalPassAtOneIsKept() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let problem = ["task_id": "T/0", "prompt": "def add(a, b):\n", "canonical_solution": "    return a + b\n",
                       "test": "def check(f):\n    assert f(1, 2) == 3\n", "entry_point": "add"]
        let file = directory.appendingPathComponent("he.jsonl")
        try (String(decoding: try JSONSerialization.data(withJSONObject: problem), as: UTF8.self) + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", file.path, "--from-insecure-code"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Pass@1 before | 100.0% (1/1) |"))
        #expect(result.stdout.contains("| Pass@1 after | 100.0% (1/1) |"))
    }

    @Test func withoutAnLLMTheCommandSaysHowToRunOffline() throws {
        let result = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", "x.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--from-insecure-code"))
    }
}
