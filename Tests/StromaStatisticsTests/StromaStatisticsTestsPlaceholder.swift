import Testing
@testable import StromaStatistics

// Replaced by the module's real suites.
