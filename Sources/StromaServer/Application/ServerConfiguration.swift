import Foundation
import Logging
import StromaWorkbench

/// What `stroma serve` was asked for: address, store, write token and limits.
///
/// Defaults are safe for a workstation: loopback only (`127.0.0.1:8080`), 8 MiB uploads, 30 s per request.
public struct ServerConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` (loopback) unless the operator chooses otherwise.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (tests).
    public var port: Int
    /// The SQLite store file; `nil` uses the default store (`$STROMA_DB`, else the user's data folder).
    public var databasePath: String?
    /// A file whose first line is the bearer token that authorises writes; `nil` allows only signed-in users.
    public var tokenFile: String?
    /// The largest request body accepted, in bytes (uploads included).
    public var maxUploadBytes: Int
    /// The longest a request may take before the server answers 503.
    public var requestTimeout: Duration
    /// The least severe log level written.
    public var logLevel: Logger.Level

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String? = nil, tokenFile: String? = nil,
        maxUploadBytes: Int = 8 * 1024 * 1024, requestTimeout: Duration = .seconds(30), logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.tokenFile = tokenFile
        self.maxUploadBytes = maxUploadBytes
        self.requestTimeout = requestTimeout
        self.logLevel = logLevel
    }

    /// Checks the values a user gave before anything starts; throws a ``WorkbenchError`` naming the option.
    public func validate() throws {
        guard (0...65535).contains(port) else {
            throw WorkbenchError(
                .invalidInput, "--port \(port) is out of range; give 0…65535 (0 picks a free port)", option: "port",
                valid: ["0...65535"])
        }
        guard !host.isEmpty else {
            throw WorkbenchError(.invalidInput, "--host is empty; give an address such as 127.0.0.1", option: "host")
        }
        guard maxUploadBytes > 0 else {
            throw WorkbenchError(.invalidInput, "the upload limit must be positive", option: "max-upload-bytes")
        }
        if let tokenFile { try FilePaths.checkReadableFile(tokenFile, option: "--token-file") }
    }

    /// Whether `host` is a loopback address (the server warns when it is not).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
