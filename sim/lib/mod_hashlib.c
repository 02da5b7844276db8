/* mod_hashlib.c - hashlib: md5, sha1, sha224, sha256, sha384, sha512, blake2b and
 * new(), in C (CPython's come from OpenSSL).  Hashing is CPU-bound work
 * the simulator charges for: per byte as CPython 3.11 with OpenSSL runs
 * on an ordinary x86-64 machine (md5 about 3 ns a byte, sha1 and sha256
 * about 0.8, sha512 about 1.6), plus a fixed cost per object made. */
#include "mod_hashlib.h"
#include "attr.h"
#include "bytes.h"
#include "dict.h"
#include "native.h"
#include "proc.h"
#include "str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { H_MD5, H_SHA1, H_SHA224, H_SHA256, H_SHA384, H_SHA512, H_BLAKE2B, H_COUNT };

static const struct {
    const char *name;
    int digest_size, block_size;
    int bytes_per_item;     /* bytes hashed per op_cost charged */
} algs[H_COUNT] = {
    {"md5", 16, 64, 1}, {"sha1", 20, 64, 4}, {"sha224", 28, 64, 4},
    {"sha256", 32, 64, 4}, {"sha384", 48, 128, 2}, {"sha512", 64, 128, 2},
    {"blake2b", 64, 128, 2},
};

typedef struct Hash {
    int alg;
    uint64_t len;           /* bytes hashed */
    uint8_t buf[128];
    int nbuf;
    uint32_t h32[8];
    uint64_t h64[8];
    int ds;                 /* digest size (blake2b's is chosen) */
} Hash;

/* ---- MD5 (RFC 1321) ---- */

static uint32_t rol32(uint32_t x, int c) { return (x << c) | (x >> (32 - c)); }

static void md5_block(Hash *h, const uint8_t *p)
{
    static const uint32_t K[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    };
    static const int R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                              5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                              4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                              6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    uint32_t w[16];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[i * 4] | (uint32_t)p[i * 4 + 1] << 8 | (uint32_t)p[i * 4 + 2] << 16 | (uint32_t)p[i * 4 + 3] << 24;
    uint32_t a = h->h32[0], b = h->h32[1], c = h->h32[2], d = h->h32[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) f = (b & c) | (~b & d), g = i;
        else if (i < 32) f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
        else if (i < 48) f = b ^ c ^ d, g = (3 * i + 5) % 16;
        else f = c ^ (b | ~d), g = (7 * i) % 16;
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol32(a + f + K[i] + w[g], R[i]);
        a = t;
    }
    h->h32[0] += a, h->h32[1] += b, h->h32[2] += c, h->h32[3] += d;
}

/* ---- SHA-1 (FIPS 180-4) ---- */

static void sha1_block(Hash *h, const uint8_t *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[i * 4] << 24 | (uint32_t)p[i * 4 + 1] << 16 | (uint32_t)p[i * 4 + 2] << 8 | (uint32_t)p[i * 4 + 3];
    for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h->h32[0], b = h->h32[1], c = h->h32[2], d = h->h32[3], e = h->h32[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) f = (b & c) | (~b & d), k = 0x5A827999;
        else if (i < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
        else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
        else f = b ^ c ^ d, k = 0xCA62C1D6;
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol32(b, 30);
        b = a;
        a = t;
    }
    h->h32[0] += a, h->h32[1] += b, h->h32[2] += c, h->h32[3] += d, h->h32[4] += e;
}

/* ---- SHA-224/256 ---- */

static uint32_t ror32(uint32_t x, int c) { return (x >> c) | (x << (32 - c)); }

static void sha256_block(Hash *h, const uint8_t *p)
{
    static const uint32_t K[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[i * 4] << 24 | (uint32_t)p[i * 4 + 1] << 16 | (uint32_t)p[i * 4 + 2] << 8 | (uint32_t)p[i * 4 + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    memcpy(v, h->h32, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + s1 + ch + K[i] + w[i];
        uint32_t s0 = ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22);
        uint32_t mj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        uint32_t t2 = s0 + mj;
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++) h->h32[i] += v[i];
}

/* ---- SHA-384/512 ---- */

static uint64_t ror64(uint64_t x, int c) { return (x >> c) | (x << (64 - c)); }

static void sha512_block(Hash *h, const uint8_t *p)
{
    static const uint64_t K[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
        0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
        0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
        0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
        0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
        0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
        0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
        0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
        0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
        0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
        0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
        0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
        0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
        0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
        0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
        0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
        0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
    };
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t x = 0;
        for (int j = 0; j < 8; j++) x = x << 8 | p[i * 8 + j];
        w[i] = x;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t v[8];
    memcpy(v, h->h64, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t s1 = ror64(v[4], 14) ^ ror64(v[4], 18) ^ ror64(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + s1 + ch + K[i] + w[i];
        uint64_t s0 = ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39);
        uint64_t mj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + s0 + mj;
    }
    for (int i = 0; i < 8; i++) h->h64[i] += v[i];
}

/* ---- BLAKE2b (RFC 7693) ---- */

static const uint64_t b2b_iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                   0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                   0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};


/* Compress one 128-byte block; len is the bytes hashed so far, this block
 * included. */
static void b2b_compress(Hash *h, const uint8_t *p, uint64_t len, bool last)
{
    static const uint8_t sigma[12][16] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    };
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++) {
        m[i] = 0;
        for (int k = 7; k >= 0; k--) m[i] = m[i] << 8 | p[i * 8 + k];
    }
    for (int i = 0; i < 8; i++) v[i] = h->h64[i], v[i + 8] = b2b_iv[i];
    v[12] ^= len;
    if (last) v[14] = ~v[14];
#define B2B_G(a, b, c, d, x, y)                  \
    do {                                         \
        v[a] = v[a] + v[b] + (x);                \
        v[d] = ror64(v[d] ^ v[a], 32);           \
        v[c] = v[c] + v[d];                      \
        v[b] = ror64(v[b] ^ v[c], 24);           \
        v[a] = v[a] + v[b] + (y);                \
        v[d] = ror64(v[d] ^ v[a], 16);           \
        v[c] = v[c] + v[d];                      \
        v[b] = ror64(v[b] ^ v[c], 63);           \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = sigma[r];
        B2B_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        B2B_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        B2B_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        B2B_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        B2B_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        B2B_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        B2B_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        B2B_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
#undef B2B_G
    for (int i = 0; i < 8; i++) h->h64[i] ^= v[i] ^ v[i + 8];
}

/* BLAKE2b keeps the last block back: it is compressed differently */
static void b2b_update(Hash *h, const uint8_t *p, int64_t n)
{
    while (n > 0) {
        if (h->nbuf == 128) {
            h->len += 128;
            b2b_compress(h, h->buf, h->len, false);
            h->nbuf = 0;
        }
        int take = 128 - h->nbuf < n ? 128 - h->nbuf : (int)n;
        memcpy(h->buf + h->nbuf, p, (size_t)take);
        h->nbuf += take;
        p += take;
        n -= take;
    }
}

static void b2b_final(const Hash *src, uint8_t *out)
{
    Hash h = *src;
    memset(h.buf + h.nbuf, 0, (size_t)(128 - h.nbuf));
    b2b_compress(&h, h.buf, h.len + (uint64_t)h.nbuf, true);
    for (int i = 0; i < h.ds; i++) out[i] = (uint8_t)(h.h64[i / 8] >> (8 * (i % 8)));
}

static void b2b_init(Hash *h, int ds, const uint8_t *key, int64_t keylen)
{
    memcpy(h->h64, b2b_iv, sizeof b2b_iv);
    h->h64[0] ^= 0x01010000ULL ^ ((uint64_t)keylen << 8) ^ (uint64_t)ds;
    h->ds = ds;
    if (keylen > 0) {
        uint8_t block[128] = {0};
        memcpy(block, key, (size_t)keylen);
        b2b_update(h, block, 128);
    }
}

static void hash_init(Hash *h, int alg)
{
    static const uint32_t sha224_iv[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                          0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
    static const uint32_t sha256_iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    static const uint64_t sha384_iv[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                          0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                          0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
    static const uint64_t sha512_iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                          0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                          0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    memset(h, 0, sizeof *h);
    h->alg = alg;
    h->ds = algs[alg].digest_size;
    switch (alg) {
    case H_MD5:
        h->h32[0] = 0x67452301, h->h32[1] = 0xefcdab89, h->h32[2] = 0x98badcfe, h->h32[3] = 0x10325476;
        break;
    case H_SHA1:
        h->h32[0] = 0x67452301, h->h32[1] = 0xEFCDAB89, h->h32[2] = 0x98BADCFE, h->h32[3] = 0x10325476;
        h->h32[4] = 0xC3D2E1F0;
        break;
    case H_SHA224: memcpy(h->h32, sha224_iv, sizeof sha224_iv); break;
    case H_SHA256: memcpy(h->h32, sha256_iv, sizeof sha256_iv); break;
    case H_SHA384: memcpy(h->h64, sha384_iv, sizeof sha384_iv); break;
    case H_BLAKE2B: b2b_init(h, 64, NULL, 0); break;
    default: memcpy(h->h64, sha512_iv, sizeof sha512_iv); break;
    }
}

static void hash_block(Hash *h, const uint8_t *p)
{
    switch (h->alg) {
    case H_MD5: md5_block(h, p); break;
    case H_SHA1: sha1_block(h, p); break;
    case H_SHA224: case H_SHA256: sha256_block(h, p); break;
    default: sha512_block(h, p); break;
    }
}

static void hash_update(Hash *h, const uint8_t *p, int64_t n)
{
    if (h->alg == H_BLAKE2B) {
        b2b_update(h, p, n);
        return;
    }
    int bs = algs[h->alg].block_size;
    h->len += (uint64_t)n;
    while (n > 0) {
        if (h->nbuf == 0 && n >= bs) {
            hash_block(h, p);
            p += bs;
            n -= bs;
            continue;
        }
        int take = bs - h->nbuf < n ? bs - h->nbuf : (int)n;
        memcpy(h->buf + h->nbuf, p, (size_t)take);
        h->nbuf += take;
        p += take;
        n -= take;
        if (h->nbuf == bs) {
            hash_block(h, h->buf);
            h->nbuf = 0;
        }
    }
}

/* The digest of a copy (the object can go on hashing). */
static void hash_final(const Hash *src, uint8_t *out)
{
    if (src->alg == H_BLAKE2B) {
        b2b_final(src, out);
        return;
    }
    Hash h = *src;
    int bs = algs[h.alg].block_size, lenbytes = bs == 128 ? 16 : 8;
    uint64_t bits = h.len * 8;
    uint8_t pad[256] = {0x80};
    int padn = (int)((bs - (int)(h.len % (uint64_t)bs) - lenbytes - 1 + 2 * bs) % bs) + 1;
    uint8_t lenb[16] = {0};
    for (int i = 0; i < 8; i++) {
        if (h.alg == H_MD5) lenb[i] = (uint8_t)(bits >> (8 * i));
        else lenb[lenbytes - 1 - i] = (uint8_t)(bits >> (8 * i));
    }
    uint64_t keep = h.len;
    hash_update(&h, pad, padn);
    hash_update(&h, lenb, lenbytes);
    h.len = keep;
    int ds = algs[h.alg].digest_size;
    for (int i = 0; i < ds; i++) {
        if (h.alg == H_MD5) out[i] = (uint8_t)(h.h32[i / 4] >> (8 * (i % 4)));
        else if (h.alg <= H_SHA256) out[i] = (uint8_t)(h.h32[i / 4] >> (24 - 8 * (i % 4)));
        else out[i] = (uint8_t)(h.h64[i / 8] >> (56 - 8 * (i % 8)));
    }
}

/* ---- the hash objects ---- */

static void hash_free(Sim *S, void *p)
{
    (void)S;
    free(p);
}

static int hash_clone(Copier *C, Value v, Value *out)
{
    if (proc_copy_mode(C) != COPY_FORK) return proc_unpicklable(C, v);
    Hash *h = xmalloc(sizeof *h);
    *h = *(Hash *)AS_INST(v)->payload;
    return proc_copy_instance(C, v, h, out);
}

static const PayloadOps hash_ops = {"_hashlib.HASH", NULL, hash_free, hash_clone, NULL, NULL, false, false};

static Hash *hash_of(Task *T, Value v)
{
    if (is_instance(v) && AS_INST(v)->cls->payload == &hash_ops && AS_INST(v)->payload) return AS_INST(v)->payload;
    exc_raise(T, EXC_TypeError, "expected a hash object, not %s", obj_type_name(T->S, v));
    return NULL;
}

static void charge_hash(Task *T, int alg, int64_t n) { charge_items(T, n / algs[alg].bytes_per_item); }

static int feed(Task *T, Hash *h, Value data)
{
    const uint8_t *d;
    int64_t n;
    if (bytes_arg(T, data, "Strings must be encoded before hashing", &d, &n) < 0) return -1;
    hash_update(h, d, n);
    charge_hash(T, h->alg, n);
    return 0;
}

static Class *hash_class(Sim *S)
{
    Value m = dict_get_str(S->native_modules, str_intern(S, "hashlib", 7));
    return AS_CLASS(dict_get_str(AS_MODULE(m)->dict, str_intern(S, "HASH", 4)));
}

static int make_hash(Task *T, int alg, Value data, Value *out)
{
    Instance *in = obj_instance_new(T->S, hash_class(T->S));
    Hash *h = xmalloc(sizeof *h);
    hash_init(h, alg);
    in->payload = h;
    charge_items(T, 60); /* EVP setup, as OpenSSL's */
    if (!is_undef(data) && feed(T, h, data) < 0) return NAT_ERR;
    *out = v_obj(in);
    return NAT_OK;
}

static int ctor(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int alg)
{
    Value a[3];
    if (nat_parse(T, algs[alg].name, args, nargs, kw, "|string$usedforsecurity,data", a) < 0) return NAT_ERR;
    Value data = !is_undef(a[0]) ? a[0] : a[2];
    return make_hash(T, alg, data, out);
}

NATIVE(hl_md5) { return ctor(T, args, nargs, kw, out, H_MD5); }
NATIVE(hl_sha1) { return ctor(T, args, nargs, kw, out, H_SHA1); }
NATIVE(hl_sha224) { return ctor(T, args, nargs, kw, out, H_SHA224); }
NATIVE(hl_sha256) { return ctor(T, args, nargs, kw, out, H_SHA256); }
NATIVE(hl_sha384) { return ctor(T, args, nargs, kw, out, H_SHA384); }
NATIVE(hl_sha512) { return ctor(T, args, nargs, kw, out, H_SHA512); }

/* blake2b(data=b'', *, digest_size=64, key=b''): salt, person and the tree
 * parameters are not supported */
NATIVE(hl_blake2b)
{
    Value a[4];
    if (nat_parse(T, "blake2b", args, nargs, kw, "|data$digest_size,key,usedforsecurity", a) < 0) return NAT_ERR;
    int64_t ds = 64;
    if (!is_undef(a[1]) && nat_arg_int(T, a[1], "blake2b", &ds) < 0) return NAT_ERR;
    if (ds < 1 || ds > 64) return exc_raise(T, EXC_ValueError, "digest_size must be between 1 and 64 bytes");
    const uint8_t *key = NULL;
    int64_t keylen = 0;
    if (!is_undef(a[2]) && bytes_arg(T, a[2], NULL, &key, &keylen) < 0) return NAT_ERR;
    if (keylen > 64) return exc_raise(T, EXC_ValueError, "maximum key length is 64 bytes");
    if (make_hash(T, H_BLAKE2B, v_undef(), out) < 0) return NAT_ERR;
    Hash *h = AS_INST(*out)->payload;
    b2b_init(h, (int)ds, key, keylen);
    if (!is_undef(a[0]) && feed(T, h, a[0]) < 0) return NAT_ERR;
    return NAT_OK;
}

NATIVE(hl_new)
{
    Value a[4];
    if (nat_parse(T, "new", args, nargs, kw, "name|data$usedforsecurity,string", a) < 0) return NAT_ERR;
    if (!is_str(a[0])) return exc_raise(T, EXC_TypeError, "new() argument 'name' must be str, not %s", obj_type_name(T->S, a[0]));
    char lower[32];
    size_t k = 0;
    for (const char *p = AS_STR(a[0])->s; *p && k < sizeof lower - 1; p++)
        lower[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    lower[k] = 0;
    for (int i = 0; i < H_COUNT; i++)
        if (strcmp(lower, algs[i].name) == 0) return make_hash(T, i, !is_undef(a[1]) ? a[1] : a[3], out);
    return exc_raise(T, EXC_ValueError, "unsupported hash type %s (the simulator has %s)", AS_STR(a[0])->s,
                     "md5, sha1, sha224, sha256, sha384, sha512 and blake2b");
}

NATIVE(hash_update_m)
{
    if (nat_count(T, "update", nargs, kw, 2, 2) < 0) return NAT_ERR;
    Hash *h = hash_of(T, args[0]);
    if (!h || feed(T, h, args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(hash_digest)
{
    if (nat_count(T, "digest", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Hash *h = hash_of(T, args[0]);
    if (!h) return NAT_ERR;
    uint8_t d[64];
    hash_final(h, d);
    charge_items(T, 20);
    *out = bytes_new(T->S, d, h->ds);
    return NAT_OK;
}

NATIVE(hash_hexdigest)
{
    if (nat_count(T, "hexdigest", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Hash *h = hash_of(T, args[0]);
    if (!h) return NAT_ERR;
    uint8_t d[64];
    char hex[129];
    hash_final(h, d);
    int ds = h->ds;
    for (int i = 0; i < ds; i++) snprintf(hex + 2 * i, 3, "%02x", d[i]);
    charge_items(T, 24);
    *out = str_value_n(T->S, hex, (size_t)ds * 2);
    return NAT_OK;
}

NATIVE(hash_copy)
{
    if (nat_count(T, "copy", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Hash *h = hash_of(T, args[0]);
    if (!h) return NAT_ERR;
    Instance *in = obj_instance_new(T->S, AS_INST(args[0])->cls);
    Hash *c = xmalloc(sizeof *c);
    *c = *h;
    in->payload = c;
    *out = v_obj(in);
    return NAT_OK;
}

NATIVE(hash_name)
{
    Hash *h = hash_of(T, args[0]);
    (void)nargs, (void)kw;
    if (!h) return NAT_ERR;
    *out = str_value(T->S, algs[h->alg].name);
    return NAT_OK;
}

NATIVE(hash_digest_size)
{
    Hash *h = hash_of(T, args[0]);
    (void)nargs, (void)kw;
    if (!h) return NAT_ERR;
    *out = v_int(h->ds);
    return NAT_OK;
}

NATIVE(hash_block_size)
{
    Hash *h = hash_of(T, args[0]);
    (void)nargs, (void)kw;
    if (!h) return NAT_ERR;
    *out = v_int(algs[h->alg].block_size);
    return NAT_OK;
}

NATIVE(hash_repr)
{
    Hash *h = hash_of(T, args[0]);
    (void)nargs, (void)kw;
    if (!h) return NAT_ERR;
    char buf[96];
    snprintf(buf, sizeof buf, "<%s _hashlib.HASH object @ 0x7f%010llx>", algs[h->alg].name,
             (unsigned long long)(obj_id(T->S, args[0].u.o) * 16 & 0xffffffffffULL));
    *out = str_value(T->S, buf);
    return NAT_OK;
}

static void hashlib_setup(Sim *S, Dict *d)
{
    Class *c = attr_class_new(S, str_intern(S, "HASH", 4), NULL, NULL, NULL);
    c->payload = &hash_ops;
    c->module = str_from_c(S, "_hashlib");
    c->cflags |= CF_FINAL;
    static const MethodDef m[] = {
        {"update", hash_update_m}, {"digest", hash_digest}, {"hexdigest", hash_hexdigest},
        {"copy", hash_copy}, {"__repr__", hash_repr},
    };
    nat_def_methods(S, c, m, ARRAY_LEN(m));
    nat_def_property(S, c, "name", hash_name, NULL);
    nat_def_property(S, c, "digest_size", hash_digest_size, NULL);
    nat_def_property(S, c, "block_size", hash_block_size, NULL);
    dict_set_str(S, d, c->name, v_obj(c));
}

static const ModEntry hashlib_entries[] = {
    {"md5", ME_FN, hl_md5, 0, NULL}, {"sha1", ME_FN, hl_sha1, 0, NULL}, {"sha224", ME_FN, hl_sha224, 0, NULL},
    {"sha256", ME_FN, hl_sha256, 0, NULL}, {"sha384", ME_FN, hl_sha384, 0, NULL},
    {"sha512", ME_FN, hl_sha512, 0, NULL}, {"blake2b", ME_FN, hl_blake2b, 0, NULL},
    {"new", ME_FN, hl_new, 0, NULL}, {NULL, 0, NULL, 0, NULL},
};

const ModDef mod_hashlib_def = {"hashlib", hashlib_entries, NULL, hashlib_setup, "hashlib", NULL, false, NULL};
