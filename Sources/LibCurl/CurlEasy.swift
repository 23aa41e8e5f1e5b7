internal import CCurl
internal import CShim
import Foundation
import Synchronization

/// Performs HTTP requests with libcurl: TLS verification on, timeouts, proxies from the
/// environment (libcurl reads `https_proxy`, `no_proxy`, ...), a cap on the response size.
public enum HTTPTransport {
    private static let globalInit = Mutex(false)

    private static func ensureGlobalInit() {
        globalInit.withLock { done in
            guard !done else { return }
            _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
            done = true
        }
    }

    /// Sends one request and waits for the whole response. Blocking: call it off the
    /// cooperative thread pool for long requests.
    public static func perform(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        ensureGlobalInit()
        let easy = try CurlEasy()
        return try easy.perform(request)
    }
}

/// Owns one `CURL*` easy handle and the header list, freed on deinit.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    init() throws(HTTPError) {
        guard let handle = curl_easy_init() else { throw .setup(message: "curl_easy_init failed") }
        self.handle = handle
    }

    deinit {
        if let headerList { curl_slist_free_all(headerList) }
        curl_easy_cleanup(handle)
    }

    /// Collects the body and headers; the callbacks reach it through an unretained pointer.
    final class Sink {
        var body: [UInt8] = []
        var headerLines: [String] = []
        let limit: Int
        var overflowed = false
        init(limit: Int) { self.limit = limit }
    }

    func perform(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let sink = Sink(limit: request.maximumResponseBytes)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeoutSeconds * 1000))
        try set(CURLOPT_TIMEOUT_MS, Int(request.totalTimeoutSeconds * 1000))
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try check(cshim_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let total = size * count
            if sink.body.count + total > sink.limit {
                sink.overflowed = true
                return 0
            }
            data.withMemoryRebound(to: UInt8.self, capacity: total) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: total)) }
            return total
        }), url: request.url)
        try check(cshim_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), url: request.url)
        try check(cshim_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let total = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: total) { String(decoding: UnsafeBufferPointer(start: $0, count: total), as: UTF8.self) }
            sink.headerLines.append(line)
            return total
        }), url: request.url)
        try check(cshim_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), url: request.url)
        try errorBuffer.withUnsafeMutableBufferPointer { (buffer) throws(HTTPError) in
            try check(cshim_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress), url: request.url)
        }

        for header in request.headers {
            guard let appended = curl_slist_append(headerList, "\(header.name): \(header.value)") else {
                throw .setup(message: "cannot build the header list")
            }
            headerList = appended
        }
        if let headerList { try check(cshim_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), url: request.url) }

        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, 1)
        case .post:
            try set(CURLOPT_POST, 1)
            try check(cshim_easy_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)), url: request.url)
            // COPYPOSTFIELDS copies the body, so it need not outlive this call.
            // An empty body still needs a valid pointer; the size set above says 0.
            var body = request.body.isEmpty ? [UInt8(0)] : request.body
            let status = body.withUnsafeMutableBytes { cshim_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
            try check(status, url: request.url)
        }

        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        if sink.overflowed { throw .responseTooLarge(url: request.url, limit: request.maximumResponseBytes) }
        try check(code, url: request.url)

        var status = 0
        try check(cshim_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status), url: request.url)
        return HTTPResponse(status: status, headers: Self.parseHeaders(sink.headerLines), body: sink.body)
    }

    /// Keeps the headers of the last response only (after redirects or `100 Continue`).
    static func parseHeaders(_ lines: [String]) -> [String: String] {
        var headers: [String: String] = [:]
        for line in lines {
            if line.hasPrefix("HTTP/") { headers = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            headers[name] = value
        }
        return headers
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPError) {
        try check(cshim_easy_setopt_long(handle, option, value), url: "")
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPError) {
        try check(cshim_easy_setopt_string(handle, option, value), url: "")
    }

    private func check(_ code: CURLcode, url: String) throws(HTTPError) {
        guard code != CURLE_OK else { return }
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        if url.isEmpty { throw .setup(message: message) }
        throw .transport(url: url, code: Int32(code.rawValue), message: message)
    }
}
