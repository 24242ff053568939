import Foundation

/// Dense p × p helpers for the (small) coefficient space; the k dimension is never formed as a matrix.
enum SmallMatrix {
    /// S_f = X' diag(f) X for row-major X (k × p), returned row-major p × p.
    static func crossproduct(
        _ x: UnsafeBufferPointer<Double>, k: Int, p: Int,
        weights f: UnsafeBufferPointer<Double>, into s: inout [Double]
    ) {
        for i in 0..<(p * p) { s[i] = 0 }
        if p == 1 {
            var acc = 0.0
            for i in 0..<k { acc += f[i] * x[i] * x[i] }
            s[0] = acc
            return
        }
        for i in 0..<k {
            let fi = f[i]
            let row = i * p
            for a in 0..<p {
                let xa = fi * x[row + a]
                for b in a..<p { s[a * p + b] += xa * x[row + b] }
            }
        }
        for a in 0..<p { for b in 0..<a { s[a * p + b] = s[b * p + a] } }
    }

    /// Inverse and log-determinant of a symmetric positive-definite matrix (Cholesky); nil if not SPD.
    static func invertSPD(_ a: [Double], _ n: Int) -> (inverse: [Double], logDet: Double)? {
        if n == 1 {
            guard a[0] > 0 else { return nil }
            return ([1 / a[0]], Foundation.log(a[0]))
        }
        var l = [Double](repeating: 0, count: n * n)
        var logDet = 0.0
        for j in 0..<n {
            var d = a[j * n + j]
            for m in 0..<j { d -= l[j * n + m] * l[j * n + m] }
            guard d > 0 else { return nil }
            let ljj = d.squareRoot()
            l[j * n + j] = ljj
            logDet += 2 * Foundation.log(ljj)
            for i in (j + 1)..<n {
                var s = a[i * n + j]
                for m in 0..<j { s -= l[i * n + m] * l[j * n + m] }
                l[i * n + j] = s / ljj
            }
        }
        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            li[i * n + i] = 1 / l[i * n + i]
            for j in 0..<i {
                var s = 0.0
                for m in j..<i { s -= l[i * n + m] * li[m * n + j] }
                li[i * n + j] = s / l[i * n + i]
            }
        }
        var inv = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = 0.0
                for m in i..<n { s += li[m * n + i] * li[m * n + j] }
                inv[i * n + j] = s
                inv[j * n + i] = s
            }
        }
        return (inv, logDet)
    }

    /// tr(A B) for row-major square matrices.
    static func traceProduct(_ a: [Double], _ b: [Double], _ n: Int) -> Double {
        var t = 0.0
        for i in 0..<n { for j in 0..<n { t += a[i * n + j] * b[j * n + i] } }
        return t
    }

    /// A B for row-major square matrices.
    static func multiply(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for m in 0..<n { let aim = a[i * n + m]; for j in 0..<n { c[i * n + j] += aim * b[m * n + j] } }
        }
        return c
    }

    /// A v.
    static func multiply(_ a: [Double], vector v: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n { var s = 0.0; for j in 0..<n { s += a[i * n + j] * v[j] }; out[i] = s }
        return out
    }
}
