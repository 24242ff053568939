import Hummingbird
import Logging
import StromaStore
import StromaWorkbench

/// Runs `stroma serve`: structured logs to stderr, the application from ``buildApplication(_:store:logger:)``,
/// and a graceful shutdown on SIGTERM or SIGINT (swift-service-lifecycle).
public enum ServerRunner {
    /// The log level called `name` (`trace` … `critical`); a bad name throws a ``WorkbenchError``.
    public static func logLevel(_ name: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: name) else {
            throw WorkbenchError(
                .invalidInput, "--log-level '\(name)' is not a level", option: "log-level",
                valid: Logger.Level.allCases.map(\.rawValue))
        }
        return level
    }

    /// Serves until a shutdown signal arrives; returns when the server has stopped.
    public static func run(_ configuration: ServerConfiguration, store: StromaStore) async throws {
        try configuration.validate()
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let app = try await buildApplication(configuration, store: store)
        try await app.runService()  // graceful shutdown on SIGTERM and SIGINT
    }
}
