/// The page paths (for 405 answers on a known path with the wrong method).
enum PageRoutes {
    static let paths: [(method: String, path: String)] = [
        ("GET", "/"), ("GET", "/search"), ("GET", "/terms/:term"), ("GET", "/experiments"), ("GET", "/signin"),
        ("POST", "/signin"), ("POST", "/signout"), ("GET", "/healthz"), ("GET", "/static/:name"),
    ]
}
