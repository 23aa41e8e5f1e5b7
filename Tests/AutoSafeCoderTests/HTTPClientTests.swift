import Foundation
import LibCurl
import Synchronization
import Testing

@Suite("HTTP client retries")
struct HTTPClientTests {
    /// A server whose replies follow a script per path: `/flaky` answers 429 (Retry-After: 2),
    /// then 500, then 200; `/slow` sleeps 3 s; `/down` always 503.
    static let script = """
    import http.server, sys, time, threading
    counts = {}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body, headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            with lock:
                counts[self.path] = counts.get(self.path, 0) + 1
                n = counts[self.path]
            if self.path == "/flaky":
                if n == 1:
                    self.reply(429, b"slow down", [("Retry-After", "2")])
                elif n == 2:
                    self.reply(500, b"oops")
                else:
                    self.reply(200, b"ok after %d" % n)
            elif self.path == "/slow":
                time.sleep(3)
                self.reply(200, b"late")
            else:
                self.reply(503, b"down")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """

    @Test func retriesOn429And5xxHonouringRetryAfter() throws {
        let server = try LocalHTTPServer(script: Self.script)
        defer { server.stop() }
        let waits = Mutex<[Double]>([])
        let client = HTTPClient(maximumAttempts: 4, initialBackoffSeconds: 0.5, sleep: { seconds in waits.withLock { $0.append(seconds) } })
        let response = try client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/flaky"))
        #expect(response.status == 200)
        #expect(response.text == "ok after 3")
        #expect(waits.withLock { $0 } == [2, 1])  // Retry-After, then the doubled backoff
    }

    @Test func givesUpAfterTheCap() throws {
        let server = try LocalHTTPServer(script: Self.script)
        defer { server.stop() }
        let waits = Mutex<[Double]>([])
        let client = HTTPClient(maximumAttempts: 3, initialBackoffSeconds: 0.1, sleep: { seconds in waits.withLock { $0.append(seconds) } })
        let response = try client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/down"))
        #expect(response.status == 503)
        #expect(waits.withLock { $0.count } == 2)
    }

    @Test func aReplySlowerThanTheTimeoutIsATransientError() throws {
        let server = try LocalHTTPServer(script: Self.script)
        defer { server.stop() }
        let client = HTTPClient(maximumAttempts: 1)
        let started = Date()
        do {
            _ = try client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/slow", totalTimeoutSeconds: 1))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.isTransient)
            #expect(error.description.contains("timed out"))
        }
        #expect(Date().timeIntervalSince(started) < 2.5)
    }
}
