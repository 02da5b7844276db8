# int.to_bytes / int.from_bytes on big ints (waits for bytes: the rest of
# this program is tests/parity/bigint_13_str_conv.py)
print("bytes len:", len((2**100).to_bytes(13, "big")), (2**100).to_bytes(13, "big").hex())
print("from_bytes:", int.from_bytes(b"\x01" + b"\x00" * 12, "big"))
print("from_bytes little signed:", int.from_bytes(b"\xff" * 10, "little", signed=True))
