import Testing
@testable import StromaStore

// Replaced by the module's real suites.
