import StromaStatistics
import StromaDomain
import StromaImport

extension MetaDataset {
    /// Reads a comparison CSV, or a SyRF quantitative export when `syrf` is set, from a path or uploaded bytes.
    ///
    /// Errors are ``WorkbenchError``s naming the file (and line and column where the reader gives them).
    public init(file: MetaInputFile, syrf: Bool, measure: MetaMeasure) throws {
        let text = try file.text()
        let fileName = file.fileName
        let table: ComparisonTable
        do {
            table =
                syrf
                ? try SyRFQuantitativeReader.parse(text, fileName: fileName)
                : try ComparisonCSVReader.parse(text, fileName: fileName)
        } catch let error as ImportError {
            throw WorkbenchError(.invalidInput, error.description, file: fileName, option: "--input")
        }
        try self.init(table: table, fileName: fileName, layout: syrf ? .syrf : .comparisonCSV, measure: measure)
    }
}
