/// The Stroma release: the one version constant of the project.
///
/// `stroma --version` prints it; meta-analysis results (`package_version`), simulation and meta reports
/// (`version`) and the store's `knowledge_loaded_by` metadata record it. It lives in this dependency-free module so
/// that every layer — the engines (`StromaStatistics`), the store and the application layer — can read the same
/// value without depending on anything else. Bump it here, and only here, for a release.
public enum StromaRelease {
    /// The release version (semantic versioning).
    public static let version = "0.1.0"
}
