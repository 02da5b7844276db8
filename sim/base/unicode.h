/* unicode.h - UTF-8 coding and the character classes the str methods need
 * (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters). */
#ifndef IL_UNICODE_H
#define IL_UNICODE_H

#include "common.h"

/* Decode one code point at s (n bytes available); *len gets its length. */
uint32_t uc_decode(const char *s, size_t n, int *len);
/* The offset of the first byte of s that is not valid UTF-8, or n. */
size_t uc_invalid(const char *s, size_t n);
/* Is b a continuation byte (not the first byte of a character)? */
static inline bool uc_cont(unsigned char b) { return (b & 0xC0) == 0x80; }
/* The number of characters in n bytes of UTF-8. */
int64_t uc_count(const char *s, size_t n);
/* The index (in characters) of the first lone surrogate in s (kept as its
 * 3-byte form, ED A0..BF xx), or -1: text that cannot be written as UTF-8. */
int64_t uc_find_surrogate(const char *s, size_t n, uint32_t *cp);
/* Encode cp into buf (4 bytes); returns the length. */
int uc_encode(uint32_t cp, char *buf);

uint32_t uc_upper(uint32_t cp);
uint32_t uc_lower(uint32_t cp);
bool uc_isalpha(uint32_t cp);
bool uc_isupper(uint32_t cp);
bool uc_islower(uint32_t cp);
bool uc_isdigit(uint32_t cp);
bool uc_isspace(uint32_t cp);
/* What repr() prints as is (CPython's str.isprintable for one character):
 * not a control, format, separator other than ' ', surrogate or private-use
 * character.  Unassigned code points count as printable (no tables). */
bool uc_isprintable(uint32_t cp);

#endif
