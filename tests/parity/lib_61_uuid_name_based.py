# uuid: deterministic name-based UUIDs (uuid3/uuid5) and parsing
import uuid

for name in ["python.org", "example.com", "interleave.test"]:
    print(f"{name:<16} v5={uuid.uuid5(uuid.NAMESPACE_DNS, name)} v3={uuid.uuid3(uuid.NAMESPACE_DNS, name)}")
u = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/orders/42")
print(u, u.version, u.variant)
print("hex:", u.hex)
print("int:", u.int)
print("urn:", u.urn)
print("fields:", u.fields[:3])
print("bytes len:", len(u.bytes))
parsed = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print("parsed:", parsed, parsed == uuid.UUID("12345678123456781234567812345678"))
print("repr:", repr(parsed))
print("namespace:", uuid.NAMESPACE_DNS)
print("stable:", uuid.uuid5(uuid.NAMESPACE_OID, "1.3.6.1") == uuid.uuid5(uuid.NAMESPACE_OID, "1.3.6.1"))
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError:", e)
ids = sorted(uuid.uuid5(uuid.NAMESPACE_DNS, f"host{i}") for i in range(4))
print("sorted:", [str(i)[:8] for i in ids])
