import Foundation

/// Locates the bundled knowledge files (package resources).
public enum KnowledgeBundle {
    /// The folder `knowledge/` shipped with the package.
    public static var directory: URL {
        Bundle.module.url(forResource: "knowledge", withExtension: nil)!
    }
}
