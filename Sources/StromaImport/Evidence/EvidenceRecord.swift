import StromaDomain

/// One experiment read from an evidence file, with the rows it came from.
public struct EvidenceRecord: Sendable, Equatable {
    /// The experiment: id `user-<study>-<experiment>` (slugs), arms and measurements.
    public var experiment: Experiment
    /// The study label as written in the file (`study` column, or SyRF `StudyId`).
    public var study: String
    /// The study's citation, from the citation columns.
    public var citation: Citation?
    /// The file's data rows (1 = the first row after the header) that make up the experiment.
    public var rows: [Int]

    public init(experiment: Experiment, study: String, citation: Citation?, rows: [Int]) {
        self.experiment = experiment
        self.study = study
        self.citation = citation
        self.rows = rows
    }
}

/// Resolves a vocabulary name written in an evidence file to its term id.
///
/// Throws an error whose description says what is valid (for example the nearest terms); the
/// reader prefixes it with the file, row and column.
public typealias EvidenceTermResolver = @Sendable (VocabularyKind, String) throws -> String

/// The `(1 + level)/2` quantile of Student's t with `df` degrees of freedom, for CI → SD.
public typealias EvidenceTQuantile = @Sendable (_ probability: Double, _ degreesOfFreedom: Double) -> Double
