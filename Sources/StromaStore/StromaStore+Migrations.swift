import GRDB

extension StromaStore {
    /// All schema migrations, in order.
    ///
    /// **A migration is never edited once it has shipped**: add a
    /// new one instead. Each migration talks to the database only, never to app types.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-knowledge", migrate: KnowledgeSchema.v1)
        migrator.registerMigration("v2-registry", migrate: RegistrySchema.v1)
        migrator.registerMigration("v3-server-users", migrate: UserSchema.v1)
        migrator.registerMigration("v4-registry-import-warnings", migrate: RegistrySchema.v2ImportWarnings)
        migrator.registerMigration("v5-evidence", migrate: EvidenceSchema.v1)
        return migrator
    }
}
