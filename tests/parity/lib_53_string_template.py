# The string module: character classes, Template substitution, capwords
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(len(string.printable))


def is_identifier_like(s):
    return bool(s) and s[0] in string.ascii_letters + "_" and all(c in string.ascii_letters + string.digits + "_" for c in s)


print([is_identifier_like(s) for s in ("name_1", "1name", "snake_case", "with-dash", "")])
caesar = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3])
print("caesar:", "attack at dawn".translate(caesar))
print("strip punct:", "Hello, world! (ok?)".translate(str.maketrans("", "", string.punctuation)))

letter = string.Template("Dear $name,\nyour order #$order_id of $$${amount} ships ${when}.")
print(letter.substitute(name="Ms. Rivera", order_id=1042, amount="19.99", when="today"))
print(letter.safe_substitute(name="Mr. Chen"))
try:
    letter.substitute(name="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("cost: $").substitute()
except ValueError as e:
    print("ValueError:", e)
print(string.Template("$who likes $what").substitute({"who": "tim", "what": "kung pao"}))
print(string.capwords("the quick  brown fox"), string.capwords("a-b c-d", "-"))
fmt = string.Formatter()
print(fmt.format("{0:>5}|{1:<5}|{x:^7}", "r", "l", x="mid"))
print([f for _, f, _, _ in fmt.parse("Hi {name}, you owe {amount:.2f}") if f])
