# Realistic: a small tokenizer for a toy language
class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"{self.kind}({self.text!r})@{self.pos}"
class LexError(Exception):
    pass
KEYWORDS = {"let", "print", "if"}
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(Token("NUM", src[i:j], i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token("KW" if word in KEYWORDS else "ID", word, i))
            i = j
        elif ch == '"':
            j = src.find('"', i + 1)
            if j == -1:
                raise LexError(f"unterminated string at {i}")
            tokens.append(Token("STR", src[i + 1:j], i))
            i = j + 1
        elif src[i:i + 2] in ("==", "!=", "<=", ">="):
            tokens.append(Token("OP", src[i:i + 2], i))
            i += 2
        elif ch in "+-*/=<>()":
            tokens.append(Token("OP", ch, i))
            i += 1
        else:
            raise LexError(f"unexpected {ch!r} at {i}")
    return tokens
for line in ['let x = 42', 'print(x + 3.5 * y_2)', 'if a>=10 == b', 'let s = "hi there"', '',
             'x = 1 $ 2', 'print "oops']:
    try:
        toks = tokenize(line)
        print(repr(line), "->", toks)
        kinds = {}
        for t in toks:
            kinds[t.kind] = kinds.get(t.kind, 0) + 1
        print("   kinds:", kinds)
    except LexError as e:
        print(repr(line), "-> LexError:", e)
