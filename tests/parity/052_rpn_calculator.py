# Realistic: infix -> RPN (shunting-yard) and evaluation
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
def tokens(expr):
    out, num = [], ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            out.append(num)
            num = ""
        if ch in PREC or ch in "()":
            out.append(ch)
        elif not ch.isspace():
            raise ValueError(f"bad character {ch!r}")
    if num:
        out.append(num)
    return out
def to_rpn(toks):
    output, ops = [], []
    for t in toks:
        if t in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")):
                output.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                output.append(ops.pop())
            if not ops:
                raise ValueError("unbalanced ')'")
            ops.pop()
        else:
            output.append(float(t) if "." in t else int(t))
    while ops:
        if ops[-1] == "(":
            raise ValueError("unbalanced '('")
        output.append(ops.pop())
    return output
def evaluate(rpn):
    stack = []
    funcs = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
             "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b}
    for t in rpn:
        if t in funcs:
            b, a = stack.pop(), stack.pop()
            stack.append(funcs[t](a, b))
        else:
            stack.append(t)
    return stack[0]
for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4", "7 % 3 + 0.5", "100 - 10 - 1",
          "((2))", "8 / (3 - 3)", "2 * (3 + 4", "3 + 4)", "5 & 2", "1.5 * 4 - 2 ^ 2"]:
    try:
        rpn = to_rpn(tokens(e))
        print(f"{e:<18} => {' '.join(str(x) for x in rpn):<22} = {evaluate(rpn)}")
    except (ValueError, ZeroDivisionError) as err:
        print(f"{e:<18} => error: {type(err).__name__}: {err}")
