import Foundation
import StromaDomain

extension SyRFQuantitativeReader {
    /// One cohort × outcome × time row of the export.
    struct Cohort {
        enum Role { case control, treated, sham, shamTreated }

        var line: Int
        var studyId: String
        var investigatorId: String
        var investigatorName: String
        var reconciled: Bool
        var firstAuthor: String
        var year: String
        var experimentId: String
        var cohortLabel: String
        var outcomeId: String
        var outcomeLabel: String
        var time: String
        var n: Double
        var role: Role
        var mean: Double
        /// Standard deviation (converted from SEM when reported so).
        var sd: Double
        var averageType: String
        var greaterIsWorse: Bool?
        var treatment: String
        var diseaseModel: String
        var annotations: [String]

        init(cell: MetaCSVRow, timeIndex: Int, annotations: [String]) throws {
            line = cell.line
            studyId = cell.text("StudyId")
            investigatorId = cell.text("InvestigatorId")
            investigatorName = cell.text("InvestigatorName")
            reconciled = MetaCell.boolean(cell.text("Reconciled")) ?? false
            firstAuthor = Cohort.firstAuthor(cell.text("Authors"))
            year = cell.text("Year")
            experimentId = cell.text("ExperimentId")
            cohortLabel = cell.text("CohortLabel")
            outcomeId = cell.text("OutcomeId")
            outcomeLabel = cell.text("OutcomeLabel")
            let rawTime = cell.fields[timeIndex].trimmingSpaces
            time = MetaCell.number(rawTime).map(MetaCell.format) ?? rawTime
            for column in ["ExperimentId", "CohortId", "OutcomeId"] where cell.text(column).isEmpty {
                throw cell.error(column, "missing value; expected the SyRF identifier")
            }
            n = try cell.number("NumberOfAnimals", valid: "a number of animals ≥ 2") {
                $0 >= 2 && $0 == $0.rounded()
            }
            let modelControl = try cell.flag("IsDiseaseModelControl")
            let treatmentControl = try cell.flag("IsTreatmentControl")
            switch (modelControl, treatmentControl) {
            case (false, true): role = .control
            case (false, false): role = .treated
            case (true, true): role = .sham
            case (true, false): role = .shamTreated
            }
            mean = try cell.number("OutcomeAverage", valid: "a number") { _ in true }
            let errorType = cell.text("ErrorType").uppercased()
            let spread: Double
            switch errorType {
            case "SD":
                spread = try cell.number("OutcomeError", valid: "an SD > 0") { $0 > 0 }
                sd = spread
            case "SEM", "SE":
                spread = try cell.number("OutcomeError", valid: "an SEM > 0") { $0 > 0 }
                sd = spread * n.squareRoot()
            default:
                throw cell.error(
                    "ErrorType",
                    errorType.isEmpty
                        ? "missing value; expected SD or SEM"
                        : "'\(cell.text("ErrorType"))' is not supported; expected SD or SEM")
            }
            averageType = cell.text("OutcomeAverageType").lowercased()
            let worse = cell.text("GreaterIsWorse")
            if MetaCell.isMissing(worse) {
                greaterIsWorse = nil
            } else {
                greaterIsWorse = try cell.flag("GreaterIsWorse")
            }
            treatment = MetaCell.cleanText(cell.text("TreatmentLabel(s)"))
            diseaseModel = MetaCell.cleanText(cell.text("DiseaseModelLabel(s)"))
            self.annotations = annotations
        }

        /// The surname of the first author in "A.
        ///
        /// B. Surname, C. Other and D. Last".
        static func firstAuthor(_ authors: String) -> String {
            let cleaned = authors.replacingOccurrences(of: "\"", with: "").trimmingSpaces
            let first = cleaned.split(separator: ",").first.map(String.init) ?? cleaned
            let beforeAnd = first.components(separatedBy: " and ").first ?? first
            return beforeAnd.split(separator: " ").last.map(String.init) ?? ""
        }
    }
}
