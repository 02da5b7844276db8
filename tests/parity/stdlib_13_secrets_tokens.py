# secrets and uuid4: only the shapes of the values are printed (they are
# random under CPython; the simulator draws them from the scenario's seed)
import secrets
import string
import uuid

token = secrets.token_hex(16)
print(len(token), all(c in string.hexdigits for c in token))
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_urlsafe(16)))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(50)), 0 <= secrets.randbits(8) < 256)
alphabet = string.ascii_letters + string.digits
password = "".join(secrets.choice(alphabet) for _ in range(12))
print(len(password), all(c in alphabet for c in password))
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest("abc", "abd"))
u = uuid.uuid4()
print(u.version, u.variant, len(str(u)), str(u)[14])
try:
    secrets.randbelow(0)
except ValueError as e:
    print("ValueError:", e)
