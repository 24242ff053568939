import Foundation

/// Where the default Stroma database lives.
///
/// Rule, first match wins:
/// 1. `STROMA_DB` (non-empty) — the database file itself;
/// 2. `$XDG_DATA_HOME/stroma/stroma.sqlite` when `XDG_DATA_HOME` is an absolute path (the XDG
///    Base Directory specification says relative values are ignored);
/// 3. `$HOME/.local/share/stroma/stroma.sqlite`.
///
/// The command line's `--db PATH` overrides all three (the CLI passes it as an explicit path).
public enum StoreLocation {
    /// The default database path for `environment`.
    /// - Throws: ``StoreError/unusablePath(path:reason:)`` when none of `STROMA_DB`,
    ///   `XDG_DATA_HOME` and `HOME` is set.
    public static func defaultPath(environment: [String: String]) throws -> String {
        if let explicit = environment["STROMA_DB"], !explicit.isEmpty {
            return explicit
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("stroma/stroma.sqlite")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return (home as NSString).appendingPathComponent(".local/share/stroma/stroma.sqlite")
        }
        throw StoreError.unusablePath(
            path: "(default)",
            reason: "none of STROMA_DB, XDG_DATA_HOME and HOME is set; give --db PATH")
    }
}
