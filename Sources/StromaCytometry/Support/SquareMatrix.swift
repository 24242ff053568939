import Foundation

/// Inversion of small dense matrices (spillover, covariance) by Gauss–Jordan elimination with partial pivoting.
enum SquareMatrix {
    /// The inverse of the row-major square matrix `matrix`, or `nil` when it is singular (a pivot below 1e-14
    /// of the largest entry).
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let size = matrix.count
        guard size > 0, matrix.allSatisfy({ $0.count == size }) else { return nil }
        var work = matrix
        var result = (0..<size).map { row in (0..<size).map { $0 == row ? 1.0 : 0.0 } }
        let scale = matrix.flatMap { $0 }.map(abs).max() ?? 0
        for column in 0..<size {
            var pivot = column
            for row in column..<size where abs(work[row][column]) > abs(work[pivot][column]) { pivot = row }
            guard abs(work[pivot][column]) > 1e-14 * scale else { return nil }
            work.swapAt(column, pivot)
            result.swapAt(column, pivot)
            let divisor = work[column][column]
            for index in 0..<size {
                work[column][index] /= divisor
                result[column][index] /= divisor
            }
            for row in 0..<size where row != column {
                let factor = work[row][column]
                if factor == 0 { continue }
                for index in 0..<size {
                    work[row][index] -= factor * work[column][index]
                    result[row][index] -= factor * result[column][index]
                }
            }
        }
        return result
    }

    /// The product of two row-major matrices.
    static func multiply(_ left: [[Double]], _ right: [[Double]]) -> [[Double]] {
        let inner = right.count
        let columns = right.first?.count ?? 0
        return left.map { row in
            (0..<columns).map { column in (0..<inner).reduce(0) { $0 + row[$1] * right[$1][column] } }
        }
    }

    /// The transpose of a row-major matrix.
    static func transpose(_ matrix: [[Double]]) -> [[Double]] {
        guard let columns = matrix.first?.count else { return [] }
        return (0..<columns).map { column in matrix.map { $0[column] } }
    }
}
