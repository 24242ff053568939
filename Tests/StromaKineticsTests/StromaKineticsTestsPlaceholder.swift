import Testing
@testable import StromaKinetics

// Replaced by the module's real suites.
