# Realistic: matrix operations with lists of lists
def zeros(r, c):
    return [[0] * c for _ in range(r)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    out = zeros(len(a), len(b[0]))
    for i in range(len(a)):
        for j in range(len(b[0])):
            out[i][j] = sum(a[i][k] * b[k][j] for k in range(len(b)))
    return out
def transpose(m):
    return [list(row) for row in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
def show(name, m):
    print(f"{name} ({len(m)}x{len(m[0]) if m else 0}):")
    for row in m:
        print("  [" + " ".join(f"{v:>6}" for v in row) + "]")
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show("A", A)
show("B", B)
show("A*B", matmul(A, B))
show("B*A", matmul(B, A))
show("A^T", transpose(A))
show("I3", identity(3))
print(matmul(A, identity(3)) == A)
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det M =", det(M), "det I =", det(identity(4)), "det [[5]] =", det([[5]]))
P = [[1, 1], [1, 0]]
R = identity(2)
for _ in range(30):
    R = matmul(R, P)
print("fib via matrix:", R[0][1], R)
F = [[0.5, 1.5], [2.25, -1.0]]
show("F*F", matmul(F, F))
try:
    matmul(A, A)
except ValueError as e:
    print(type(e).__name__, e)
trace = sum(M[i][i] for i in range(len(M)))
print("trace:", trace, "row sums:", [sum(r) for r in M], "col sums:", [sum(c) for c in zip(*M)])
scaled = [[v * 3 for v in row] for row in M]
print(scaled, max(max(r) for r in scaled), min(v for r in scaled for v in r))
