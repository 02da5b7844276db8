/* bytes.c - a minimal bytes type: what str.encode(), hashlib digests,
 * uuid.bytes and secrets.token_bytes return.  The name `bytes` and b''
 * literals stay rejected at load time (docs/language.md); a bytes object
 * has len, indexing (ints) and slicing, iteration, comparison, hashing,
 * + and *, `in`, CPython's repr (b'...'), decode, hex, fromhex and the
 * common search and split methods. */
#include "bytes.h"
#include "attr.h"
#include "dict.h"
#include "exc.h"
#include "list.h"
#include "native.h"
#include "proc.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct BytesData {
    int64_t n;
    uint8_t d[];
} BytesData;

static int bytes_clone(Copier *C, Value v, Value *out);
static const PayloadOps bytes_ops = {"bytes", NULL, NULL, bytes_clone, NULL, NULL, false, false};

static Class *bytes_class(Sim *S)
{
    Value m = dict_get_str(S->native_modules, str_intern(S, "_stdlib", 7));
    return AS_CLASS(dict_get_str(AS_MODULE(m)->dict, str_intern(S, "bytes", 5)));
}

/* a bytes object with its data (object.__new__(bytes) makes one without) */
bool bytes_check(Value v) { return is_instance(v) && AS_INST(v)->cls->payload == &bytes_ops && AS_INST(v)->payload; }

const uint8_t *bytes_data(Value v, int64_t *n)
{
    BytesData *b = AS_INST(v)->payload;
    *n = b->n;
    return b->d;
}

Value bytes_new(Sim *S, const void *data, int64_t n)
{
    Instance *in = obj_instance_new_with(S, bytes_class(S), sizeof(BytesData) + (size_t)n);
    BytesData *b = in->payload;
    b->n = n;
    if (n) memcpy(b->d, data, (size_t)n);
    return v_obj(in);
}

int bytes_from_buf(Task *T, SBuf *b, Value *out)
{
    if (obj_buf_fits(T, b) < 0) return -1;
    *out = bytes_new(T->S, b->s, (int64_t)b->n);
    sb_free(b);
    return 0;
}

static int bytes_clone(Copier *C, Value v, Value *out)
{
    int64_t n;
    const uint8_t *d = bytes_data(v, &n);
    *out = bytes_new(proc_copy_task(C)->S, d, n);
    proc_copy_bytes(C, n + 5);
    proc_copy_memo(C, v, *out);
    return 0;
}

/* the bytes-like argument of a native: bytes only */
int bytes_arg(Task *T, Value v, const char *what, const uint8_t **d, int64_t *n)
{
    if (bytes_check(v)) {
        *d = bytes_data(v, n);
        return 0;
    }
    if (is_str(v)) return exc_raise(T, EXC_TypeError, "%s", what ? what : "a bytes-like object is required, not 'str'");
    return exc_raise(T, EXC_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(T->S, v));
}

#define SELF(name)                                                                                 \
    if (nargs < 1 || !bytes_check(args[0]))                                                        \
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for 'bytes' objects doesn't apply", name); \
    int64_t n;                                                                                     \
    const uint8_t *d = bytes_data(args[0], &n); \
    (void)d

void bytes_repr_to(const uint8_t *d, int64_t n, SBuf *b)
{
    bool sq = false, dq = false;
    for (int64_t i = 0; i < n; i++) {
        if (d[i] == '\'') sq = true;
        if (d[i] == '"') dq = true;
    }
    char quote = sq && !dq ? '"' : '\'';
    sb_putc(b, 'b');
    sb_putc(b, quote);
    for (int64_t i = 0; i < n && !b->over; i++) {
        uint8_t c = d[i];
        if (c == quote || c == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, (char)c);
        } else if (c == '\t') sb_puts(b, "\\t");
        else if (c == '\n') sb_puts(b, "\\n");
        else if (c == '\r') sb_puts(b, "\\r");
        else if (c < 0x20 || c >= 0x7f) {
            char esc[4] = {'\\', 'x', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]};
            sb_put(b, esc, 4);
        } else sb_putc(b, (char)c);
    }
    sb_putc(b, quote);
}

NATIVE(bytes_repr)
{
    SELF("__repr__");
    SBuf b = STR_BUF; /* up to 4 characters a byte */
    bytes_repr_to(d, n, &b);
    charge_items(T, n / 8);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bytes_len)
{
    SELF("__len__");
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(bytes_getitem)
{
    SELF("__getitem__");
    if (nargs != 2) return exc_raise(T, EXC_TypeError, "__getitem__ expected 1 argument");
    if (is_kind(args[1], K_SLICE)) {
        int64_t a, e, st, cnt;
        if (obj_slice_indices(T, AS_SLICE(args[1]), n, &a, &e, &st, &cnt) < 0) return NAT_ERR;
        uint8_t *buf = xmalloc((size_t)cnt + 1);
        for (int64_t k = 0, i = a; k < cnt; k++, i += st) buf[k] = d[i];
        *out = bytes_new(T->S, buf, cnt);
        free(buf);
        charge_items(T, cnt / 8);
        return NAT_OK;
    }
    int64_t i;
    if (!is_intlike(args[1])) {
        if (!is_instance(args[1]))
            return exc_raise(T, EXC_TypeError, "byte indices must be integers or slices, not %s", obj_type_name(T->S, args[1]));
        if (obj_index(T, args[1], &i, NULL) < 0) return NAT_ERR;
    } else {
        i = args[1].u.i;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_raise(T, EXC_IndexError, "index out of range");
    *out = v_int(d[i]);
    return NAT_OK;
}

NATIVE(bytes_iter)
{
    SELF("__iter__");
    List *l = list_new(T->S, n);
    for (int64_t i = 0; i < n; i++) list_append(T->S, l, v_int(d[i]));
    charge_items(T, n);
    return obj_iter(T, v_obj(l), out) < 0 ? NAT_ERR : NAT_OK;
}

static int compare(Task *T, Value *args, int nargs, Value *out, int op)
{
    if (nargs != 2 || !bytes_check(args[0]) || !bytes_check(args[1])) {
        *out = T->S->notimpl;
        return NAT_OK;
    }
    int64_t na, nb;
    const uint8_t *a = bytes_data(args[0], &na), *b = bytes_data(args[1], &nb);
    int64_t m = na < nb ? na : nb;
    int c = m ? memcmp(a, b, (size_t)m) : 0;
    if (c == 0) c = na < nb ? -1 : na > nb ? 1 : 0;
    charge_items(T, m / 8);
    bool r = op == CMP_EQ ? c == 0 : op == CMP_NE ? c != 0 : op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0
           : op == CMP_GT ? c > 0 : c >= 0;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(bytes_eq) { (void)kw; return compare(T, args, nargs, out, CMP_EQ); }
NATIVE(bytes_ne) { (void)kw; return compare(T, args, nargs, out, CMP_NE); }
NATIVE(bytes_lt) { (void)kw; return compare(T, args, nargs, out, CMP_LT); }
NATIVE(bytes_le) { (void)kw; return compare(T, args, nargs, out, CMP_LE); }
NATIVE(bytes_gt) { (void)kw; return compare(T, args, nargs, out, CMP_GT); }
NATIVE(bytes_ge) { (void)kw; return compare(T, args, nargs, out, CMP_GE); }

NATIVE(bytes_hash)
{
    SELF("__hash__");
    /* FNV-1a: fixed, as the simulator's str hashing is (docs/language.md) */
    uint64_t h = 1469598103934665603ULL;
    for (int64_t i = 0; i < n; i++) h = (h ^ d[i]) * 1099511628211ULL;
    int64_t r = (int64_t)(h >> 1);
    *out = v_int(r == -1 ? -2 : r);
    return NAT_OK;
}

NATIVE(bytes_add)
{
    SELF("__add__");
    if (nargs != 2 || !bytes_check(args[1]))
        return exc_raise(T, EXC_TypeError, "can't concat %s to bytes", nargs == 2 ? obj_type_name(T->S, args[1]) : "nothing");
    int64_t m;
    const uint8_t *e = bytes_data(args[1], &m);
    if (obj_check_size(T, n + m) < 0) return NAT_ERR;
    uint8_t *buf = xmalloc((size_t)(n + m) + 1);
    if (n) memcpy(buf, d, (size_t)n);
    if (m) memcpy(buf + n, e, (size_t)m);
    *out = bytes_new(T->S, buf, n + m);
    free(buf);
    charge_items(T, (n + m) / 8);
    return NAT_OK;
}

NATIVE(bytes_mul)
{
    SELF("__mul__");
    if (nargs != 2 || !is_intlike(args[1])) {
        *out = T->S->notimpl;
        return NAT_OK;
    }
    int64_t k = args[1].u.i < 0 || !n ? 0 : args[1].u.i;
    if (k && n > MAX_ITEMS / k) return obj_check_size(T, MAX_ITEMS + 1), NAT_ERR;
    if (obj_check_size(T, k * n) < 0) return NAT_ERR;
    uint8_t *buf = xmalloc((size_t)(k * n) + 1);
    /* doubling: log k copies, not k (b'x' * 10**8 is 10**8 one-byte copies) */
    if (k) memcpy(buf, d, (size_t)n);
    for (int64_t done = n; done < k * n; done *= 2)
        memcpy(buf + done, buf, (size_t)(done < k * n - done ? done : k * n - done));
    *out = bytes_new(T->S, buf, k * n);
    free(buf);
    charge_items(T, k * n / 8);
    return NAT_OK;
}

static const uint8_t *find_bytes(const uint8_t *h, int64_t hn, const uint8_t *nd, int64_t nn)
{
    if (nn == 0) return h;
    for (int64_t i = 0; i + nn <= hn; i++)
        if (memcmp(h + i, nd, (size_t)nn) == 0) return h + i;
    return NULL;
}

/* a byte or a bytes argument to search for */
static int needle(Task *T, Value v, uint8_t *one, const uint8_t **nd, int64_t *nn)
{
    if (is_intlike(v)) {
        if (v.u.i < 0 || v.u.i > 255) return exc_raise(T, EXC_ValueError, "byte must be in range(0, 256)");
        *one = (uint8_t)v.u.i;
        *nd = one;
        *nn = 1;
        return 0;
    }
    return bytes_arg(T, v, NULL, nd, nn);
}

NATIVE(bytes_contains)
{
    SELF("__contains__");
    uint8_t one;
    const uint8_t *nd;
    int64_t nn;
    if (nargs != 2 || needle(T, args[1], &one, &nd, &nn) < 0) return NAT_ERR;
    charge_items(T, n);
    *out = v_bool(find_bytes(d, n, nd, nn) != NULL);
    return NAT_OK;
}

NATIVE(bytes_find)
{
    SELF("find");
    uint8_t one;
    const uint8_t *nd;
    int64_t nn;
    if (nargs < 2 || needle(T, args[1], &one, &nd, &nn) < 0) return NAT_ERR;
    const uint8_t *p = find_bytes(d, n, nd, nn);
    charge_items(T, n);
    *out = v_int(p ? p - d : -1);
    return NAT_OK;
}

NATIVE(bytes_count)
{
    SELF("count");
    uint8_t one;
    const uint8_t *nd;
    int64_t nn;
    if (nargs < 2 || needle(T, args[1], &one, &nd, &nn) < 0) return NAT_ERR;
    int64_t c = 0;
    for (int64_t i = 0; i + nn <= n;) {
        if (memcmp(d + i, nd, (size_t)nn) == 0) {
            c++;
            i += nn ? nn : 1;
        } else {
            i++;
        }
    }
    charge_items(T, n);
    *out = v_int(c);
    return NAT_OK;
}

static int affix(Task *T, Value *args, int nargs, Value *out, bool end)
{
    SELF(end ? "endswith" : "startswith");
    if (nargs != 2) return exc_raise(T, EXC_TypeError, "%s() takes exactly one argument", end ? "endswith" : "startswith");
    const uint8_t *p;
    int64_t m;
    if (bytes_arg(T, args[1], NULL, &p, &m) < 0) return NAT_ERR;
    *out = v_bool(m <= n && memcmp(end ? d + n - m : d, p, (size_t)m) == 0);
    return NAT_OK;
}

NATIVE(bytes_startswith) { (void)kw; return affix(T, args, nargs, out, false); }
NATIVE(bytes_endswith) { (void)kw; return affix(T, args, nargs, out, true); }

NATIVE(bytes_decode)
{
    SELF("decode");
    Value a[2];
    if (nat_parse(T, "decode", args + 1, nargs - 1, kw, "|encoding,errors", a) < 0) return NAT_ERR;
    const char *enc = is_str(a[0]) ? AS_STR(a[0])->s : "utf-8";
    const char *errs = is_str(a[1]) ? AS_STR(a[1])->s : "strict";
    char e[32];
    size_t k = 0;
    for (const char *p = enc; *p && k < sizeof e - 1; p++)
        if (*p != '-' && *p != '_') e[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    e[k] = 0;
    SBuf b = STR_BUF; /* latin-1 takes 2 bytes a character above 0x7f */
    sb_put(&b, "", 0);
    bool utf8 = strcmp(e, "utf8") == 0, ascii = strcmp(e, "ascii") == 0;
    bool latin1 = strcmp(e, "latin1") == 0 || strcmp(e, "iso88591") == 0;
    if (!utf8 && !ascii && !latin1) {
        sb_free(&b);
        return exc_raise(T, EXC_LookupError, "unknown encoding: %s", enc);
    }
    for (int64_t i = 0; i < n && !b.over;) {
        uint8_t c = d[i];
        if (latin1 || (c < 0x80)) {
            char buf[4];
            sb_put(&b, buf, (size_t)uc_encode(c, buf));
            i++;
            continue;
        }
        int len = 0;
        uint32_t cp = 0;
        bool ok = false;
        const char *why = "invalid start byte";
        if (utf8) {
            size_t bad = uc_invalid((const char *)d + i, (size_t)(n - i));
            (void)bad;
            int need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            if (need && i + need <= n) {
                bool cont = true;
                for (int j = 1; j < need; j++) cont = cont && (d[i + j] & 0xC0) == 0x80;
                if (cont) {
                    cp = uc_decode((const char *)d + i, (size_t)need, &len);
                    ok = len == need && !(cp >= 0xD800 && cp <= 0xDFFF) &&
                         !(need == 3 && cp < 0x800) && !(need == 4 && (cp < 0x10000 || cp > 0x10FFFF));
                }
                if (!ok) why = "invalid continuation byte";
            } else if (need) {
                why = "unexpected end of data";
            }
        } else {
            why = "ordinal not in range(128)";
        }
        if (ok) {
            sb_put(&b, (const char *)d + i, (size_t)len);
            i += len;
            continue;
        }
        if (strcmp(errs, "ignore") == 0) {
            i++;
            continue;
        }
        if (strcmp(errs, "replace") == 0) {
            sb_puts(&b, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        sb_free(&b);
        return exc_raise(T, EXC_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %lld: %s",
                         utf8 ? "utf-8" : "ascii", c, (long long)i, why);
    }
    charge_items(T, n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bytes_hex)
{
    SELF("hex");
    Value a[2];
    if (nat_parse(T, "hex", args + 1, nargs - 1, kw, "|sep,bytes_per_sep", a) < 0) return NAT_ERR;
    const char *sep = is_str(a[0]) ? AS_STR(a[0])->s : NULL;
    int64_t per = is_intlike(a[1]) ? a[1].u.i : 1;
    if (per == 0) per = 1;
    SBuf b = STR_BUF; /* 2 characters a byte, and the separators */
    sb_put(&b, "", 0);
    int64_t step = per < 0 ? -per : per;
    for (int64_t i = 0; i < n && !b.over; i++) {
        /* the separator counts groups from the right (per > 0) or left */
        if (sep && i > 0 && (per > 0 ? (n - i) % step == 0 : i % step == 0)) sb_puts(&b, sep);
        char hx[2] = {"0123456789abcdef"[d[i] >> 4], "0123456789abcdef"[d[i] & 15]};
        sb_put(&b, hx, 2);
    }
    charge_items(T, n / 4);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bytes_fromhex)
{
    if (nat_npos(nargs, kw) != 2 || !is_str(args[1])) return exc_raise(T, EXC_TypeError, "fromhex() argument must be str");
    Str *s = AS_STR(args[1]);
    uint8_t *buf = xmalloc((size_t)s->len / 2 + 1);
    int64_t k = 0;
    for (int32_t i = 0; i < s->len;) {
        char c = s->s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        int hi = -1, lo = -1;
        char c2 = i + 1 < s->len ? s->s[i + 1] : 0;
        if (c >= '0' && c <= '9') hi = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'f') hi = (c | 32) - 'a' + 10;
        if (c2 >= '0' && c2 <= '9') lo = c2 - '0';
        else if ((c2 | 32) >= 'a' && (c2 | 32) <= 'f') lo = (c2 | 32) - 'a' + 10;
        if (hi < 0 || lo < 0) {
            free(buf);
            return exc_raise(T, EXC_ValueError, "non-hexadecimal number found in fromhex() arg at position %d", hi < 0 ? i : i + 1);
        }
        buf[k++] = (uint8_t)(hi * 16 + lo);
        i += 2;
    }
    *out = bytes_new(T->S, buf, k);
    free(buf);
    return NAT_OK;
}

static bool in_set(uint8_t c, const uint8_t *set, int64_t m)
{
    if (!set) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    for (int64_t i = 0; i < m; i++)
        if (set[i] == c) return true;
    return false;
}

static int strip(Task *T, Value *args, int nargs, Value *out, int which)
{
    SELF("strip");
    const uint8_t *set = NULL;
    int64_t m = 0;
    if (nargs > 1 && !is_none(args[1]) && bytes_arg(T, args[1], NULL, &set, &m) < 0) return NAT_ERR;
    int64_t a = 0, e = n;
    if (which != 2)
        while (a < e && in_set(d[a], set, m)) a++;
    if (which != 1)
        while (e > a && in_set(d[e - 1], set, m)) e--;
    charge_items(T, n / 8);
    *out = bytes_new(T->S, d + a, e - a);
    return NAT_OK;
}

NATIVE(bytes_strip) { (void)kw; return strip(T, args, nargs, out, 0); }
NATIVE(bytes_lstrip) { (void)kw; return strip(T, args, nargs, out, 1); }
NATIVE(bytes_rstrip) { (void)kw; return strip(T, args, nargs, out, 2); }

NATIVE(bytes_split)
{
    SELF("split");
    Value a[2];
    if (nat_parse(T, "split", args + 1, nargs - 1, kw, "|sep,maxsplit", a) < 0) return NAT_ERR;
    int64_t maxsplit = is_intlike(a[1]) ? a[1].u.i : -1;
    List *l = list_new(T->S, 4);
    if (is_undef(a[0]) || is_none(a[0])) {
        int64_t i = 0;
        while (i < n) {
            while (i < n && in_set(d[i], NULL, 0)) i++;
            if (i >= n) break;
            int64_t j = i;
            if (maxsplit >= 0 && l->n >= maxsplit) j = n;
            else
                while (j < n && !in_set(d[j], NULL, 0)) j++;
            list_append(T->S, l, bytes_new(T->S, d + i, j - i));
            i = j;
        }
    } else {
        const uint8_t *sep;
        int64_t m;
        if (bytes_arg(T, a[0], NULL, &sep, &m) < 0) return NAT_ERR;
        if (m == 0) return exc_raise(T, EXC_ValueError, "empty separator");
        int64_t i = 0;
        for (;;) {
            const uint8_t *p = (maxsplit >= 0 && l->n >= maxsplit) ? NULL : find_bytes(d + i, n - i, sep, m);
            if (!p) {
                list_append(T->S, l, bytes_new(T->S, d + i, n - i));
                break;
            }
            list_append(T->S, l, bytes_new(T->S, d + i, p - (d + i)));
            i = (p - d) + m;
        }
    }
    charge_items(T, n);
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(bytes_join)
{
    SELF("join");
    if (nargs != 2) return exc_raise(T, EXC_TypeError, "join() takes exactly one argument");
    List *parts;
    if (obj_to_list(T, args[1], &parts) < 0) return NAT_ERR;
    SBuf b = STR_BUF;
    sb_put(&b, "", 0);
    for (int64_t i = 0; i < parts->n && !b.over; i++) {
        if (!bytes_check(parts->v[i])) {
            sb_free(&b);
            return exc_raise(T, EXC_TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                             obj_type_name(T->S, parts->v[i]));
        }
        if (i) sb_put(&b, (const char *)d, (size_t)n);
        int64_t m;
        const uint8_t *p = bytes_data(parts->v[i], &m);
        sb_put(&b, (const char *)p, (size_t)m);
    }
    charge_items(T, parts->n + (int64_t)b.n / 8);
    return bytes_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(bytes_replace)
{
    SELF("replace");
    if (nargs < 3) return exc_raise(T, EXC_TypeError, "replace() takes at least 2 arguments");
    const uint8_t *o, *r;
    int64_t on, rn;
    if (bytes_arg(T, args[1], NULL, &o, &on) < 0 || bytes_arg(T, args[2], NULL, &r, &rn) < 0) return NAT_ERR;
    int64_t count = nargs > 3 && is_intlike(args[3]) ? args[3].u.i : -1;
    SBuf b = STR_BUF;
    sb_put(&b, "", 0);
    int64_t i = 0, done = 0;
    while (i <= n && !b.over) {
        const uint8_t *p = (count >= 0 && done >= count) ? NULL : find_bytes(d + i, n - i, o, on);
        if (!p || (on == 0 && p - d > n)) {
            sb_put(&b, (const char *)d + i, (size_t)(n - i));
            break;
        }
        sb_put(&b, (const char *)d + i, (size_t)(p - (d + i)));
        sb_put(&b, (const char *)r, (size_t)rn);
        done++;
        if (on == 0) {
            if (p - d < n) sb_putc(&b, (char)d[p - d]);
            i = (p - d) + 1;
            if (i > n) break;
        } else {
            i = (p - d) + on;
        }
    }
    charge_items(T, n);
    return bytes_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

static int map_case(Task *T, Value *args, int nargs, Value *out, bool upper)
{
    SELF(upper ? "upper" : "lower");
    uint8_t *buf = xmalloc((size_t)n + 1);
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        buf[i] = upper ? (c >= 'a' && c <= 'z' ? c - 32 : c) : (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *out = bytes_new(T->S, buf, n);
    free(buf);
    charge_items(T, n / 8);
    return NAT_OK;
}

NATIVE(bytes_upper) { (void)kw; return map_case(T, args, nargs, out, true); }
NATIVE(bytes_lower) { (void)kw; return map_case(T, args, nargs, out, false); }

static int pred(Task *T, Value *args, int nargs, Value *out, int which)
{
    SELF("isdigit");
    bool ok = which == 4 || n > 0;
    for (int64_t i = 0; i < n && ok; i++) {
        uint8_t c = d[i];
        bool digit = c >= '0' && c <= '9', alpha = (c | 32) >= 'a' && (c | 32) <= 'z';
        ok = which == 0 ? digit : which == 1 ? alpha : which == 2 ? digit || alpha : which == 3 ? in_set(c, NULL, 0) : c < 0x80;
    }
    *out = v_bool(ok);
    return NAT_OK;
}

NATIVE(bytes_isdigit) { (void)kw; return pred(T, args, nargs, out, 0); }
NATIVE(bytes_isalpha) { (void)kw; return pred(T, args, nargs, out, 1); }
NATIVE(bytes_isalnum) { (void)kw; return pred(T, args, nargs, out, 2); }
NATIVE(bytes_isspace) { (void)kw; return pred(T, args, nargs, out, 3); }
NATIVE(bytes_isascii) { (void)kw; return pred(T, args, nargs, out, 4); }

void bytes_setup(Sim *S, Dict *d)
{
    S->make_bytes = bytes_new;
    Class *c = attr_class_new(S, str_intern(S, "bytes", 5), NULL, NULL, NULL);
    c->payload = &bytes_ops;
    c->cflags |= CF_NATIVE_DUNDERS | CF_FINAL;
    static const MethodDef m[] = {
        {"__repr__", bytes_repr}, {"__str__", bytes_repr}, {"__len__", bytes_len}, {"__getitem__", bytes_getitem},
        {"__iter__", bytes_iter}, {"__eq__", bytes_eq}, {"__ne__", bytes_ne}, {"__lt__", bytes_lt},
        {"__le__", bytes_le}, {"__gt__", bytes_gt}, {"__ge__", bytes_ge}, {"__hash__", bytes_hash},
        {"__add__", bytes_add}, {"__mul__", bytes_mul}, {"__rmul__", bytes_mul}, {"__contains__", bytes_contains},
        {"find", bytes_find}, {"count", bytes_count}, {"startswith", bytes_startswith},
        {"endswith", bytes_endswith}, {"decode", bytes_decode}, {"hex", bytes_hex}, {"strip", bytes_strip},
        {"lstrip", bytes_lstrip}, {"rstrip", bytes_rstrip}, {"split", bytes_split}, {"join", bytes_join},
        {"replace", bytes_replace}, {"upper", bytes_upper}, {"lower", bytes_lower}, {"isdigit", bytes_isdigit},
        {"isalpha", bytes_isalpha}, {"isalnum", bytes_isalnum}, {"isspace", bytes_isspace},
        {"isascii", bytes_isascii},
    };
    nat_def_methods(S, c, m, ARRAY_LEN(m));
    Native *fh = nat_def_native(S, c->dict, "fromhex", bytes_fromhex, NF_CLASSMETHOD);
    fh->owner = c;
    dict_set_str(S, d, c->name, v_obj(c));
}
