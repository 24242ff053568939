import GRDB

/// Tables of imported registry and literature records with their version history.
enum RegistrySchema {
    static func v1(_ db: Database) throws {
        // Filled in by the import work (issue 5).
    }
}
