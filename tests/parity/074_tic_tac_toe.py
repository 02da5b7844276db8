# Tic-tac-toe with a minimax player (exhaustive search on a small board)
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]
def winner(b):
    for x, y, z in LINES:
        if b[x] != " " and b[x] == b[y] == b[z]:
            return b[x]
    return "draw" if " " not in b else None
def show(b):
    rows = [" | ".join(b[r * 3:r * 3 + 3]) for r in range(3)]
    print("\n---------\n".join(rows))
calls = 0
def minimax(b, player):
    global calls
    calls += 1
    w = winner(b)
    if w == "X":
        return 1, None
    if w == "O":
        return -1, None
    if w == "draw":
        return 0, None
    best = None
    for i in range(9):
        if b[i] == " ":
            b[i] = player
            score, _ = minimax(b, "O" if player == "X" else "X")
            b[i] = " "
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    return best
board = list("X O  O X ")
show(board)
print("X to move, best:", minimax(board, "X"), "positions searched:", calls)
calls = 0
b = list("XO       ")
turn = "X"
moves = []
while winner(b) is None:
    score, move = minimax(b, turn)
    b[move] = turn
    moves.append((turn, move, score))
    turn = "O" if turn == "X" else "X"
print("game:", moves)
show(b)
print("result:", winner(b), "searched:", calls)
for pos in ["XXX      ", "OOOXX X  ", "XOXXOOOXX", "         ", "XO XO X  "]:
    print(repr(pos), "->", winner(list(pos)))
