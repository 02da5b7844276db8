# Speed sanity check: 200,000 iterations of simple integer math
MOD = 1000000007
checksum = 0
acc = 1
count_even = 0
x = 12345
for i in range(200000):
    x = (x * 1103515245 + 12345) % 2147483648
    acc = (acc * 31 + (x >> 7)) % MOD
    if x % 2 == 0:
        count_even += 1
    checksum = (checksum + (i ^ (x & 0xFFFF))) % MOD
    if i % 50000 == 0:
        print("progress", i, x, acc)
print("final x:", x)
print("acc:", acc)
print("even count:", count_even)
print("checksum:", checksum)
total = 0
i = 0
while i < 200000:
    total += i * i % 97 - 48
    i += 1
print("while total:", total)
print("combined:", (checksum * 7 + acc * 3 + total) % MOD)
