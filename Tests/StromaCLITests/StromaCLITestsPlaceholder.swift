import Testing
@testable import stroma

// Replaced by the module's real suites.
