# uuid: name-based UUIDs, parsing, fields and comparisons
import uuid

for name in ["python.org", "example.com", "interleave.test"]:
    print(f"{name:<16} v5={uuid.uuid5(uuid.NAMESPACE_DNS, name)} v3={uuid.uuid3(uuid.NAMESPACE_DNS, name)}")
u = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/orders/42")
print(u, u.version, u.variant)
print("hex:", u.hex, "urn:", u.urn)
print("fields:", u.fields[:3], "node:", hex(u.node), "clock_seq:", u.clock_seq, "time_low:", u.time_low)
print("bytes:", u.bytes[:4], len(u.bytes), u.bytes_le[:4])
parsed = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print("parsed:", parsed, parsed == uuid.UUID("12345678123456781234567812345678"), parsed.version)
print("repr:", repr(parsed), uuid.UUID("urn:uuid:12345678-1234-5678-1234-567812345678") == parsed)
print("from bytes:", uuid.UUID(bytes=u.bytes) == u, uuid.UUID(fields=u.fields) == u)
print("namespaces:", uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
for bad in ["not-a-uuid", "12345678-1234-5678-1234-56781234567", "g2345678123456781234567812345678"]:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
ids = sorted(uuid.uuid5(uuid.NAMESPACE_DNS, f"host{i}") for i in range(4))
print("sorted:", [str(i)[:8] for i in ids])
print("lt:", ids[0] < ids[1], "in set:", ids[2] in set(ids), "v4 version:", uuid.uuid4().version)
try:
    u.version = 1
except TypeError as e:
    print("TypeError:", e)
