import Testing
@testable import StromaImport

// Replaced by the module's real suites.
