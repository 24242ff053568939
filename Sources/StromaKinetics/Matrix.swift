import Foundation

/// A dense square matrix, row-major, for the small systems of the kinetics model (n ≈ 30).
public struct Matrix: Sendable, Equatable {
    public let n: Int
    public var storage: [Double]

    public init(n: Int) {
        self.n = n
        storage = [Double](repeating: 0, count: n * n)
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(n: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(_ i: Int, _ j: Int) -> Double {
        get { storage[i * n + j] }
        set { storage[i * n + j] = newValue }
    }

    /// Maximum absolute column sum ‖A‖₁.
    public var norm1: Double {
        var best = 0.0
        for j in 0..<n {
            var s = 0.0
            for i in 0..<n { s += abs(storage[i * n + j]) }
            best = max(best, s)
        }
        return best
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        let n = a.n
        var c = Matrix(n: n)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    Self.multiply(pa.baseAddress!, pb.baseAddress!, into: pc.baseAddress!, n: n, columns: n)
                }
            }
        }
        return c
    }

    /// C = A·B for row-major A (n×n), B and C (n×`columns`); C must be zero on entry and must not
    /// overlap A or B.
    ///
    /// Row-wise axpy (C[i,:] += A[i,k]·B[k,:]) on SIMD4 lanes with wrapping index arithmetic, so
    /// the inner loop has no overflow checks and vectorises; zero entries of A are skipped (the
    /// model's matrices are block-triangular and sparse).
    @inline(__always)
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        n: Int, columns m: Int
    ) {
        let m4 = m & ~3
        for i in 0..<n {
            let crow = c + i &* m
            let arow = a + i &* n
            for k in 0..<n {
                let aik = arow[k]
                if aik == 0 { continue }
                let brow = b + k &* m
                let av = SIMD4<Double>(repeating: aik)
                var j = 0
                while j < m4 {
                    let bv = UnsafeRawPointer(brow + j).loadUnaligned(as: SIMD4<Double>.self)
                    let cv = UnsafeRawPointer(crow + j).loadUnaligned(as: SIMD4<Double>.self)
                    UnsafeMutableRawPointer(crow + j).storeBytes(of: cv + av * bv, as: SIMD4<Double>.self)
                    j &+= 4
                }
                while j < m {
                    crow[j] += aik * brow[j]
                    j &+= 1
                }
            }
        }
    }

    /// A·B for a row-major n × `columns` block B (returned in the same layout).
    public func times(_ b: [Double], columns m: Int) -> [Double] {
        let n = self.n
        var c = [Double](repeating: 0, count: n * m)
        storage.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    Self.multiply(pa.baseAddress!, pb.baseAddress!, into: pc.baseAddress!, n: n, columns: m)
                }
            }
        }
        return c
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.storage.count { c.storage[i] += b.storage[i] }
        return c
    }

    public static func * (s: Double, a: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.storage.count { c.storage[i] *= s }
        return c
    }

    /// y = A·x.
    @inline(__always)
    public func apply(_ x: [Double], into y: inout [Double]) {
        let n = self.n
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    Self.apply(pa.baseAddress!, px.baseAddress!, into: py.baseAddress!, n: n)
                }
            }
        }
    }

    /// y = A·x on raw pointers: SIMD4 partial sums per row (breaking the floating-point
    /// dependency chain), wrapping index arithmetic.
    @inline(__always)
    static func apply(
        _ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, n: Int
    ) {
        let n4 = n & ~3
        for i in 0..<n {
            let row = a + i &* n
            var acc = SIMD4<Double>(repeating: 0)
            var j = 0
            while j < n4 {
                let av = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self)
                let xv = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD4<Double>.self)
                acc += av * xv
                j &+= 4
            }
            var s = (acc[0] + acc[1]) + (acc[2] + acc[3])
            while j < n {
                s += row[j] * x[j]
                j &+= 1
            }
            y[i] = s
        }
    }

    public func applied(to x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: n)
        apply(x, into: &y)
        return y
    }

    /// Solves A·X = B for X (B n×n) by LU with partial pivoting.
    ///
    /// - Throws: `KineticsError` when A is singular to working precision.
    public func solve(_ b: Matrix) throws -> Matrix {
        let f = try LUFactorization(self)
        let n = self.n
        // Permute the rows of B, then forward and back substitution on all columns at once
        // (row operations, which vectorise).
        var x = Matrix(n: n)
        for i in 0..<n {
            let src = f.pivot[i] * n
            for j in 0..<n { x.storage[i * n + j] = b.storage[src + j] }
        }
        f.lu.withUnsafeBufferPointer { lu in
            x.storage.withUnsafeMutableBufferPointer { px in
                for i in 0..<n {
                    for k in 0..<i {
                        let l = lu[i * n + k]
                        if l == 0 { continue }
                        for j in 0..<n { px[i * n + j] -= l * px[k * n + j] }
                    }
                }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for k in (i + 1)..<max(n, i + 1) {
                        let u = lu[i * n + k]
                        if u == 0 { continue }
                        for j in 0..<n { px[i * n + j] -= u * px[k * n + j] }
                    }
                    // Divide (not multiply by a reciprocal): e.g. the Padé denominator b₀·I must
                    // give exactly I, or repeated squaring amplifies the error 2^k-fold.
                    let d = lu[i * n + i]
                    for j in 0..<n { px[i * n + j] /= d }
                }
            }
        }
        return x
    }
}

/// LU factorisation with partial pivoting (Doolittle, row interchanges recorded).
public struct LUFactorization: Sendable {
    var lu: [Double]
    var pivot: [Int]
    let n: Int

    public init(_ a: Matrix) throws {
        n = a.n
        lu = a.storage
        pivot = Array(0..<n)
        for k in 0..<n {
            var p = k
            var best = abs(lu[k * n + k])
            for i in (k + 1)..<max(n, k + 1) where abs(lu[i * n + k]) > best {
                best = abs(lu[i * n + k])
                p = i
            }
            guard best > 0 else { throw KineticsError("singular matrix in a linear solve") }
            if p != k {
                for j in 0..<n { lu.swapAt(k * n + j, p * n + j) }
                pivot.swapAt(k, p)
            }
            let d = lu[k * n + k]
            for i in (k + 1)..<max(n, k + 1) {
                let f = lu[i * n + k] / d
                lu[i * n + k] = f
                if f == 0 { continue }
                for j in (k + 1)..<n { lu[i * n + j] -= f * lu[k * n + j] }
            }
        }
    }

    /// Solves in place: x ← A⁻¹ x.
    public func solve(_ x: inout [Double]) {
        var y = pivot.map { x[$0] }
        for i in 0..<n {
            var s = y[i]
            for j in 0..<i { s -= lu[i * n + j] * y[j] }
            y[i] = s
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for j in (i + 1)..<n { s -= lu[i * n + j] * y[j] }
            y[i] = s / lu[i * n + i]
        }
        x = y
    }
}
