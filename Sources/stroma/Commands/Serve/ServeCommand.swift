import ArgumentParser
import StromaServer
import StromaWorkbench

/// `stroma serve`: the JSON API and the HTML workbench over the same store the CLI uses.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/api/v1) and the web workbench.",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise. Reads are open; every write (imports, \
            curation) needs 'Authorization: Bearer <token>' with the first line of --token-file, or a \
            signed-in curator (add users with 'stroma user add'). Stops cleanly on SIGTERM or SIGINT. \
            See docs/server.md.
            """)

    @Option(help: "Address to listen on (loopback by default).") var host = "127.0.0.1"
    @Option(help: "TCP port (0 picks a free one).") var port = 8080
    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp("File whose first line is the bearer token for writes.", valueName: "file"))
    var tokenFile: String?
    @Option(name: .customLong("max-upload-mb"), help: "Largest request body, in MiB.") var maxUploadMB = 8
    @Option(name: .customLong("request-timeout"), help: "Seconds a request may take.") var requestTimeout = 30
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel = "info"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let level = try ServerRunner.logLevel(logLevel)
            guard maxUploadMB > 0, requestTimeout > 0 else {
                throw WorkbenchError(
                    .invalidInput, "--max-upload-mb and --request-timeout must be at least 1", option: "max-upload-mb")
            }
            let configuration = ServerConfiguration(
                host: host, port: port, databasePath: store.db, tokenFile: tokenFile,
                maxUploadBytes: maxUploadMB * 1_048_576, requestTimeout: .seconds(requestTimeout), logLevel: level)
            try configuration.validate()
            if !configuration.isLoopback {
                StandardStreams.writeMessage(
                    "Warning: --host \(host) is not a loopback address; put the server behind a TLS reverse proxy "
                        + "(docs/server.md)")
            }
            try await ServerRunner.run(configuration, store: try store.openStore())
        } catch let error as WorkbenchError {
            StandardStreams.writeMessage("Error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }
}
