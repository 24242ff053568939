import Testing
@testable import StromaKnowledge

// Replaced by the module's real suites.
