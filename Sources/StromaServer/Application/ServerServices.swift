import Logging
import StromaStore

/// Everything a route handler needs, built once by ``buildApplication(_:store:logger:)`` and shared.
struct ServerServices: Sendable {
    let store: StromaStore
    let limits: ServerLimits
    let pages: PageRenderer
    let sessions: SessionStore
    let token: WriteToken?
    let configuration: ServerConfiguration
}
