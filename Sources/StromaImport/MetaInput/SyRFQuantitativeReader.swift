import Foundation
import StromaDomain

/// Reads a SyRF (CAMARADES Systematic Review Facility) quantitative outcome-data export and pairs
/// treated cohorts with their controls.
///
/// Each row is one cohort × outcome × time point. Roles come from two flags:
///
/// | IsDiseaseModelControl | IsTreatmentControl | role |
/// |---|---|---|
/// | FALSE | TRUE | model control (the comparator) |
/// | FALSE | FALSE | treated model cohort (one comparison each) |
/// | TRUE | TRUE | sham / normal animals (gives `m_sham` for NMD) |
/// | TRUE | FALSE | sham animals given the treatment (not used) |
///
/// Cohorts are paired within `ExperimentId` × `OutcomeId` × `TimeInMinute(s)`. When an
/// experiment holds treated cohorts but no model control, a single model control with the same
/// study, investigator, outcome and time in another experiment is used (with a warning). A
/// control serving several treated cohorts is a shared control (``Comparison/controlGroup``).
/// Several model controls in one group are ambiguous: those treated cohorts are dropped with a
/// warning. SEM is converted to SD with the cohort's own size (SD = SEM·√n). Only
/// `OutcomeAverageType` mean (or empty) is used.
///
/// Moderators: every annotation column (question text as the name), plus `study_id`,
/// `outcome`, `time`, `treatment`, `disease_model`, `year`, `investigator`.
public enum SyRFQuantitativeReader {
    /// Reads and pairs a file.
    public static func read(contentsOf url: URL) throws -> ComparisonTable {
        try parse(MetaCSVRow.readText(url), fileName: url.lastPathComponent)
    }

    /// The fixed columns of a SyRF export (lower case); all others are annotation questions.
    static let fixedColumns: Set<String> = [
        "studyid", "title", "authors", "publicationname", "alternatename", "abstract", "url",
        "authoraddress", "year", "doi", "referencetype", "keywords", "pdfrelativepath", "customid",
        "datetimestudyadded", "systematicsearchid", "systematicsearchname", "reconciled",
        "investigatorid", "investigatorname", "datetimedataentered", "experimentid",
        "experimentlabel", "cohortid", "cohortlabel", "numberofanimals", "isdiseasemodelcontrol",
        "diseasemodelid(s)", "diseasemodellabel(s)", "istreatmentcontrol", "treatmentid(s)",
        "treatmentlabel(s)", "outcomeid", "outcomelabel", "greaterisworse", "timeinminute",
        "timeinminutes", "outcomeaverage", "outcomeaveragetype", "outcomeunit", "outcomeerror",
        "errortype",
    ]
    static let requiredColumns = [
        "ExperimentId", "CohortId", "OutcomeId", "NumberOfAnimals", "IsDiseaseModelControl",
        "IsTreatmentControl", "OutcomeAverage", "OutcomeError", "ErrorType", "GreaterIsWorse",
    ]

    /// Parses export text; `fileName` names the file in messages.
    public static func parse(_ text: String, fileName: String) throws -> ComparisonTable {
        let records = try MetaCSVRecords(text: text, fileName: fileName, allowComments: false).records
        guard let header = records.first else {
            throw ImportError("file '\(fileName)': empty; expected a SyRF quantitative export")
        }
        let names = header.fields.map { $0.trimmingSpaces }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name.lowercased()] == nil {
            position[name.lowercased()] = index
        }
        for column in requiredColumns where position[column.lowercased()] == nil {
            throw ImportError(
                "file '\(fileName)', line \(header.line): missing column '\(column)'; "
                    + "not a SyRF quantitative export")
        }
        guard let timeIndex = position["timeinminute"] ?? position["timeinminutes"] else {
            throw ImportError(
                "file '\(fileName)', line \(header.line): missing column "
                    + "'TimeInMinutes' (or 'TimeInMinute'); not a SyRF quantitative export")
        }
        let annotationIndices = names.indices.filter {
            !fixedColumns.contains(names[$0].lowercased()) && !names[$0].isEmpty
        }
        var cohorts: [Cohort] = []
        for record in records.dropFirst() {
            if record.fields.count == 1 && record.fields[0].trimmingSpaces.isEmpty { continue }
            guard record.fields.count == names.count else {
                throw ImportError(
                    "file '\(fileName)', line \(record.line): \(record.fields.count) "
                        + "fields, but the header has \(names.count) columns")
            }
            let cell = MetaCSVRow(
                fields: record.fields, position: position, names: names,
                fileName: fileName, line: record.line)
            cohorts.append(
                try Cohort(
                    cell: cell, timeIndex: timeIndex,
                    annotations: annotationIndices.map { record.fields[$0] }))
        }
        return pair(cohorts, annotationColumns: annotationIndices.map { names[$0] })
    }
}
