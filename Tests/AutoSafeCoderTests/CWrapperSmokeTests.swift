import Foundation
import LibCurl
import LibGit
import LibYAML
import Testing

@Suite("C library wrappers")
struct CWrapperSmokeTests {
    @Test func libgit2OpensARepositoryTheTestCreates() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TestSupport.git(["init", "-q", "-b", "main"], in: directory)
        try "print('hi')\n".write(to: directory.appendingPathComponent("a.py"), atomically: true, encoding: .utf8)
        try TestSupport.git(["add", "a.py"], in: directory)

        let repository = try Repository.open(containing: directory.path)
        #expect(try repository.isHeadUnborn())
        #expect(repository.workingDirectory == directory.path + "/")
        let staged = try repository.stagedChanges()
        #expect(staged.map(\.path) == ["a.py"])
        #expect(staged.first?.status == .added)
        #expect(try repository.blobContent(staged[0].blobID) == Array("print('hi')\n".utf8))

        try TestSupport.git(["commit", "-q", "-m", "first"], in: directory)
        let head = try TestSupport.git(["rev-parse", "HEAD"], in: directory).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repository.resolveCommit("HEAD") == head)
        #expect(try repository.isHeadUnborn() == false)
    }

    @Test func libgit2ErrorsCarryTheLibraryMessage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: GitError.self) { try Repository.open(containing: directory.path) }
        try TestSupport.git(["init", "-q"], in: directory)
        let repository = try Repository.open(containing: directory.path)
        do {
            _ = try repository.resolveCommit("no-such-branch")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("no-such-branch"))
            #expect(error.code == -3)
        }
    }

    @Test func libcurlTalksToALocalServer() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let response = try HTTPTransport.perform(HTTPRequest(
            method: .post, url: "http://127.0.0.1:\(server.port)/echo",
            headers: [("Content-Type", "application/json")], body: Array(#"{"ü":1}"#.utf8)))
        #expect(response.status == 200)
        #expect(response.text == #"{"ü":1}"#)
        #expect(response.headers["content-type"] == "application/json")

        let missing = try HTTPTransport.perform(HTTPRequest(url: "http://127.0.0.1:\(server.port)/missing"))
        #expect(missing.status == 404)

        #expect(throws: HTTPError.responseTooLarge(url: "http://127.0.0.1:\(server.port)/big", limit: 1000)) {
            try HTTPTransport.perform(HTTPRequest(url: "http://127.0.0.1:\(server.port)/big", maximumResponseBytes: 1000))
        }
    }

    @Test func libcurlReportsConnectionFailures() throws {
        // Port 9 (discard) is not listening on a test machine.
        do {
            _ = try HTTPTransport.perform(HTTPRequest(url: "http://127.0.0.1:9/", connectTimeoutSeconds: 2, totalTimeoutSeconds: 2))
            Issue.record("expected a connection error")
        } catch {
            #expect(error.isTransient)
            #expect(error.description.contains("127.0.0.1"))
        }
    }

    @Test func libyamlParsesAndReportsPositions() throws {
        let root = try YAMLDocumentReader.read(bytes: Array("a:\n  - x\n  - 'y'\nb: {c: 1}\n".utf8), file: "t.yaml")
        guard case .mapping(let pairs)? = root?.value else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs.count == 2)
        guard case .sequence(let items) = pairs[0].value.value else {
            Issue.record("expected a list")
            return
        }
        guard case .scalar("y", plain: false) = items[1].value else {
            Issue.record("expected a quoted scalar")
            return
        }
        #expect(items[1].start == YAMLMark(line: 3, column: 5))
        #expect(try YAMLDocumentReader.read(bytes: [], file: "e.yaml") == nil)
        #expect(throws: YAMLError(file: "t.yaml", line: 1, column: 4, message: "found undefined alias")) {
            try YAMLDocumentReader.read(bytes: Array("a: *x\n".utf8), file: "t.yaml")
        }
    }
}

/// A small Python HTTP server on 127.0.0.1 with a free port, for the libcurl tests.
final class LocalHTTPServer {
    let process = Process()
    let port: Int

    init(script: String = LocalHTTPServer.defaultScript) throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("server.py")
        try script.write(to: path, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints its port on the first line.
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw NSError(domain: "server", code: 1, userInfo: [NSLocalizedDescriptionKey: "server did not start"])
        }
        self.port = port
    }

    func stop() {
        // SIGKILL: the test runner's children may inherit SIGTERM as ignored.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// An OpenAI-compatible chat-completions server (Anthropic's reply shape on a path ending in
    /// `/messages`) whose replies come from `answer`: Python that defines
    /// `answer(body, headers, path)` and returns the assistant's text, or bytes sent as they are.
    static func chatCompletions(answering answer: String) -> String {
        """
        import http.server, json, re

        \(answer)

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                text = answer(body, self.headers, self.path)
                if isinstance(text, bytes):
                    data = text
                elif self.path.endswith("/messages"):
                    data = json.dumps({"content": [{"type": "text", "text": text}]}).encode()
                else:
                    data = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
    }

    static let defaultScript = """
    import http.server, sys

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body, content_type="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            self.reply(200, body)

        def do_GET(self):
            if self.path == "/big":
                self.reply(200, b"x" * 100000, "text/plain")
            else:
                self.reply(404, b"{}")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
}
