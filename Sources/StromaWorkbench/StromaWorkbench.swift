/// The application layer shared by the `stroma` command and `stroma serve`.
///
/// Every workflow a user runs (imports, knowledge queries, meta-analysis, simulation, dose translation, trial
/// design, the plan report, evidence, papers, QC, scales) is written once here, or in a library below, and
/// returns `Codable` result values whose JSON keys are the documented ones. Both front ends only parse their
/// input, call these functions and format the result; errors travel as ``WorkbenchError`` values that name the
/// file, record, row, field or option and what would be valid.
///
/// Workflows live in one folder per area (`Knowledge/`, `Import/`, `Meta/`, `Kinetics/`, …); shared helpers in
/// `Support/`.
///
/// The release version is `StromaRelease.version` (module `StromaRelease`), the one version constant.
public enum StromaWorkbench {}
