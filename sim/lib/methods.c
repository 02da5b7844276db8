/* methods.c - methods of the builtin types: str, list, tuple, dict, set,
 * int, float, object, property.  Each charges virtual time for the O(n)
 * work it does. */
#include "methods.h"
#include "attr.h"
#include "bytes.h"
#include "bigint.h"
#include "dict.h"
#include "exc.h"
#include "format.h"
#include "gc.h"
#include "list.h"
#include "native.h"
#include "ops.h"
#include "repr.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define SELF_STR(name)                                                                          \
    if (nargs < 1 || !is_str(args[0]))                                                            \
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a '%s' object", \
                        name, nargs ? obj_type_name(T->S, args[0]) : "NoneType");                    \
    Str *self = AS_STR(args[0]);                                                                  \
    args++;                                                                                       \
    nargs--;

static Value mkstr(Sim *S, const char *s, size_t n) { return str_value_n(S, s, n); }

/* ---- str ---- */

/* Whitespace and strip() sets are code points, never bytes: the bytes 0x85
 * and 0xA0 (NEL and NBSP as code points) occur inside other characters'
 * UTF-8 encodings. */

/* The byte length of the code point that starts at p (p < e). */
static int cp_len_at(const char *p, const char *e, uint32_t *cp)
{
    int len = 1;
    *cp = (unsigned char)*p < 0x80 ? (unsigned char)*p : uc_decode(p, (size_t)(e - p), &len);
    return len;
}

/* The byte length of the code point that ends at e (s < e). */
static int cp_len_before(const char *s, const char *e, uint32_t *cp)
{
    const char *q = e - 1;
    while (q > s && ((unsigned char)*q & 0xC0) == 0x80) q--;
    cp_len_at(q, e, cp);
    return (int)(e - q);
}

/* Whitespace code point at p (its byte length), or 0. */
static int ws_at(const char *p, const char *e)
{
    uint32_t c;
    int n = cp_len_at(p, e, &c);
    return uc_isspace(c) ? n : 0;
}

/* Whitespace code point ending at e (its byte length), or 0. */
static int ws_before(const char *s, const char *e)
{
    uint32_t c;
    int n = cp_len_before(s, e, &c);
    return uc_isspace(c) ? n : 0;
}

/* c is one of the code points of chars[0..nc) (NULL: whitespace). */
static bool strippable(uint32_t c, const char *chars, size_t nc)
{
    if (!chars) return uc_isspace(c);
    for (size_t i = 0; i < nc;) {
        uint32_t d;
        i += (size_t)cp_len_at(chars + i, chars + nc, &d);
        if (d == c) return true;
    }
    return false;
}

static int do_strip(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int which, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 0, 1) < 0) return NAT_ERR;
    const char *chars = NULL;
    size_t nc = 0;
    if (nargs == 1 && !is_none(args[0])) {
        if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "%s arg must be None or str", name);
        chars = AS_STR(args[0])->s;
        nc = (size_t)AS_STR(args[0])->len;
    }
    const char *p = self->s, *e = self->s + self->len;
    uint32_t c;
    int n;
    if (which & 1)
        while (p < e && (n = cp_len_at(p, e, &c), strippable(c, chars, nc))) p += n;
    if (which & 2)
        while (e > p && (n = cp_len_before(p, e, &c), strippable(c, chars, nc))) e -= n;
    charge_items(T, self->len);
    *out = mkstr(T->S, p, (size_t)(e - p));
    return NAT_OK;
}

NATIVE(str_strip) { return do_strip(T, args, nargs, kw, out, 3, "strip"); }
NATIVE(str_lstrip) { return do_strip(T, args, nargs, kw, out, 1, "lstrip"); }
NATIVE(str_rstrip) { return do_strip(T, args, nargs, kw, out, 2, "rstrip"); }

static int map_chars(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int mode, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 0, 0) < 0) return NAT_ERR;
    SBuf b = STR_BUF; /* a character of another case may take more bytes */
    bool word_start = true;
    for (int32_t i = 0; i < self->len && !b.over;) {
        int len;
        uint32_t c = uc_decode(self->s + i, (size_t)(self->len - i), &len);
        uint32_t r = c;
        switch (mode) {
        case 0: r = uc_upper(c); break;
        case 1: r = uc_lower(c); break;
        case 2: r = uc_isupper(c) ? uc_lower(c) : uc_upper(c); break;
        case 3: /* title: upper after a non-letter, lower inside words */
            r = word_start ? uc_upper(c) : uc_lower(c);
            word_start = !uc_isalpha(c);
            break;
        case 4: r = i == 0 ? uc_upper(c) : uc_lower(c); break;
        }
        char enc[4];
        sb_put(&b, enc, (size_t)uc_encode(r, enc));
        i += len;
    }
    charge_items(T, self->len);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(str_upper) { return map_chars(T, args, nargs, kw, out, 0, "upper"); }
NATIVE(str_lower) { return map_chars(T, args, nargs, kw, out, 1, "lower"); }
NATIVE(str_casefold) { return map_chars(T, args, nargs, kw, out, 1, "casefold"); }
NATIVE(str_swapcase) { return map_chars(T, args, nargs, kw, out, 2, "swapcase"); }
NATIVE(str_title) { return map_chars(T, args, nargs, kw, out, 3, "title"); }
NATIVE(str_capitalize) { return map_chars(T, args, nargs, kw, out, 4, "capitalize"); }

static int pred(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int mode, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 0, 0) < 0) return NAT_ERR;
    bool r = self->len > 0, cased = false, prev_cased = false, title_ok = true;
    for (int32_t i = 0; i < self->len;) {
        int len;
        uint32_t c = uc_decode(self->s + i, (size_t)(self->len - i), &len);
        switch (mode) {
        case 0: r = r && uc_isdigit(c); break;
        case 1: r = r && uc_isalpha(c); break;
        case 2: r = r && (uc_isalpha(c) || uc_isdigit(c)); break;
        case 3: r = r && uc_isspace(c); break;
        case 4: if (uc_islower(c)) r = false; if (uc_isupper(c)) cased = true; break;
        case 5: if (uc_isupper(c)) r = false; if (uc_islower(c)) cased = true; break;
        case 6: r = r && c < 0x80; break;
        case 7: /* istitle: cased runs start upper */
            if (uc_isupper(c)) {
                if (prev_cased) title_ok = false;
                prev_cased = cased = true;
            } else if (uc_islower(c)) {
                if (!prev_cased) title_ok = false;
                prev_cased = cased = true;
            } else {
                prev_cased = false;
            }
            break;
        case 8: r = r && (i ? (uc_isalpha(c) || uc_isdigit(c) || c == '_') : (uc_isalpha(c) || c == '_')); break;
        }
        i += len;
    }
    if (mode == 4 || mode == 5) r = r && cased;
    if (mode == 6 && self->len == 0) r = true;
    if (mode == 7) r = self->len > 0 && cased && title_ok;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(str_isdigit) { return pred(T, args, nargs, kw, out, 0, "isdigit"); }
NATIVE(str_isalpha) { return pred(T, args, nargs, kw, out, 1, "isalpha"); }
NATIVE(str_isalnum) { return pred(T, args, nargs, kw, out, 2, "isalnum"); }
NATIVE(str_isspace) { return pred(T, args, nargs, kw, out, 3, "isspace"); }
NATIVE(str_isupper) { return pred(T, args, nargs, kw, out, 4, "isupper"); }
NATIVE(str_islower) { return pred(T, args, nargs, kw, out, 5, "islower"); }
NATIVE(str_isascii) { return pred(T, args, nargs, kw, out, 6, "isascii"); }
NATIVE(str_istitle) { return pred(T, args, nargs, kw, out, 7, "istitle"); }
NATIVE(str_isidentifier) { return pred(T, args, nargs, kw, out, 8, "isidentifier"); }

static const char *mem_find(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    for (size_t i = 0; i + nn <= hn; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) return h + i;
    return NULL;
}

static const char *mem_rfind(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn > hn) return NULL;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (memcmp(h + i, n, nn) == 0) return h + i;
    return NULL;
}

/* Character index range [start, end) from optional slice args. */
static int str_range(Task *T, Str *s, Value a, Value b, int64_t *cs, int64_t *ce)
{
    int64_t n = s->clen, x = 0, y = n;
    if (!is_undef(a) && !is_none(a)) {
        if (obj_index(T, a, &x, NULL) < 0) return -1;
        if (x < 0) x = x + n < 0 ? 0 : x + n;
    }
    if (!is_undef(b) && !is_none(b)) {
        if (obj_index(T, b, &y, NULL) < 0) return -1;
        if (y < 0) y = y + n < 0 ? 0 : y + n;
    }
    if (y > n) y = n;
    *cs = x;
    *ce = y;
    return 0;
}

static int64_t char_index(Str *s, int64_t byte)
{
    if (s->h.flags & OF_ASCII) return byte;
    return uc_count(s->s, (size_t)byte);
}

static int find_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool rev, bool raise, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 1, 3) < 0) return NAT_ERR;
    if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "must be str, not %s", obj_type_name(T->S, args[0]));
    Str *sub = AS_STR(args[0]);
    int64_t cs, ce;
    if (str_range(T, self, nargs > 1 ? args[1] : v_undef(), nargs > 2 ? args[2] : v_undef(), &cs, &ce) < 0) return NAT_ERR;
    int64_t r = -1;
    if (cs <= ce) {
        int64_t bs = str_byte_offset(self, cs), be = str_byte_offset(self, ce);
        const char *h = self->s + bs;
        const char *p = rev ? mem_rfind(h, (size_t)(be - bs), sub->s, (size_t)sub->len)
                            : mem_find(h, (size_t)(be - bs), sub->s, (size_t)sub->len);
        if (p) r = char_index(self, p - self->s);
    }
    charge_items(T, self->len);
    if (r < 0 && raise) return exc_raise(T, EXC_ValueError, "substring not found");
    *out = v_int(r);
    return NAT_OK;
}

NATIVE(str_find) { return find_impl(T, args, nargs, kw, out, false, false, "find"); }
NATIVE(str_rfind) { return find_impl(T, args, nargs, kw, out, true, false, "rfind"); }
NATIVE(str_index) { return find_impl(T, args, nargs, kw, out, false, true, "index"); }
NATIVE(str_rindex) { return find_impl(T, args, nargs, kw, out, true, true, "rindex"); }

NATIVE(str_count)
{
    SELF_STR("count");
    if (nat_count(T, "count", nargs, kw, 1, 3) < 0) return NAT_ERR;
    if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "must be str, not %s", obj_type_name(T->S, args[0]));
    Str *sub = AS_STR(args[0]);
    int64_t cs, ce;
    if (str_range(T, self, nargs > 1 ? args[1] : v_undef(), nargs > 2 ? args[2] : v_undef(), &cs, &ce) < 0) return NAT_ERR;
    int64_t n = 0;
    if (cs <= ce) {
        int64_t bs = str_byte_offset(self, cs), be = str_byte_offset(self, ce);
        if (sub->len == 0) n = ce - cs + 1;
        else {
            const char *p = self->s + bs, *e = self->s + be;
            while ((p = mem_find(p, (size_t)(e - p), sub->s, (size_t)sub->len))) {
                n++;
                p += sub->len;
            }
        }
    }
    charge_items(T, self->len);
    *out = v_int(n);
    return NAT_OK;
}

static int starts_ends(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool ends, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 1, 3) < 0) return NAT_ERR;
    int64_t cs, ce;
    if (str_range(T, self, nargs > 1 ? args[1] : v_undef(), nargs > 2 ? args[2] : v_undef(), &cs, &ce) < 0) return NAT_ERR;
    Value *cands = &args[0];
    int64_t nc = 1;
    if (is_tuple(args[0])) {
        cands = AS_TUPLE(args[0])->v;
        nc = AS_TUPLE(args[0])->n;
    }
    int64_t bs = str_byte_offset(self, cs), be = cs <= ce ? str_byte_offset(self, ce) : bs;
    for (int64_t i = 0; i < nc; i++) {
        if (!is_str(cands[i]))
            return exc_raise(T, EXC_TypeError, "%s first arg must be str or a tuple of str, not %s", name, obj_type_name(T->S, cands[i]));
        Str *x = AS_STR(cands[i]);
        if (cs > ce || x->len > be - bs) continue;
        const char *at = ends ? self->s + be - x->len : self->s + bs;
        if (memcmp(at, x->s, (size_t)x->len) == 0) {
            *out = v_bool(true);
            return NAT_OK;
        }
    }
    *out = v_bool(false);
    return NAT_OK;
}

NATIVE(str_startswith) { return starts_ends(T, args, nargs, kw, out, false, "startswith"); }
NATIVE(str_endswith) { return starts_ends(T, args, nargs, kw, out, true, "endswith"); }

NATIVE(str_replace)
{
    SELF_STR("replace");
    if (nat_count(T, "replace", nargs, kw, 2, 3) < 0) return NAT_ERR;
    if (!is_str(args[0]) || !is_str(args[1]))
        return exc_raise(T, EXC_TypeError, "replace() argument %d must be str, not %s", is_str(args[0]) ? 2 : 1,
                        obj_type_name(T->S, is_str(args[0]) ? args[1] : args[0]));
    int64_t count = -1;
    if (nargs == 3 && nat_arg_int(T, args[2], "replace", &count) < 0) return NAT_ERR;
    Str *old = AS_STR(args[0]), *new_ = AS_STR(args[1]);
    SBuf b = STR_BUF;
    sb_put(&b, "", 0);
    const char *p = self->s, *e = self->s + self->len;
    if (old->len == 0) {
        /* insert between every character */
        int64_t done = 0;
        if (count != 0) {
            sb_put(&b, new_->s, (size_t)new_->len);
            done++;
        }
        while (p < e && !b.over) {
            const char *q = p + 1;
            while (q < e && ((unsigned char)*q & 0xC0) == 0x80) q++;
            sb_put(&b, p, (size_t)(q - p));
            p = q;
            if (count < 0 || done < count) {
                if (p < e || true) {
                    if (p <= e && (count < 0 || done < count) && p != e) {
                        sb_put(&b, new_->s, (size_t)new_->len);
                        done++;
                    } else if (p == e && (count < 0 || done < count)) {
                        sb_put(&b, new_->s, (size_t)new_->len);
                        done++;
                    }
                }
            }
        }
    } else {
        int64_t done = 0;
        while ((count < 0 || done < count) && !b.over) {
            const char *q = mem_find(p, (size_t)(e - p), old->s, (size_t)old->len);
            if (!q) break;
            sb_put(&b, p, (size_t)(q - p));
            sb_put(&b, new_->s, (size_t)new_->len);
            p = q + old->len;
            done++;
        }
        sb_put(&b, p, (size_t)(e - p));
    }
    charge_items(T, self->len + (int64_t)b.n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* rsplit collects its items from the right: put them back in order. */
static void reverse_values(Value *v, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        Value t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

static int split_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool rev, const char *name)
{
    SELF_STR(name);
    Value a[2];
    if (nat_parse(T, name, args, nargs, kw, "|sep,maxsplit", a) < 0) return NAT_ERR;
    int64_t maxsplit = -1;
    if (!is_undef(a[1]) && nat_arg_int(T, a[1], name, &maxsplit) < 0) return NAT_ERR;
    Sim *S = T->S;
    List *l = list_new(S, 0);
    const char *s = self->s, *e = self->s + self->len;
    if (is_undef(a[0]) || is_none(a[0])) {
        /* runs of whitespace; no empty strings.  Once maxsplit splits are
         * made, the rest of the string is the last item as it stands: only
         * the whitespace before it (after it, for rsplit) goes */
        int w;
        if (!rev) {
            const char *p = s;
            int64_t n = 0;
            for (;;) {
                while (p < e && (w = ws_at(p, e))) p += w;
                if (p >= e) break;
                if (maxsplit >= 0 && n >= maxsplit) {
                    list_append(S, l, mkstr(S, p, (size_t)(e - p)));
                    break;
                }
                const char *q = p;
                uint32_t c;
                while (q < e && !ws_at(q, e)) q += cp_len_at(q, e, &c);
                list_append(S, l, mkstr(S, p, (size_t)(q - p)));
                n++;
                p = q;
            }
        } else {
            const char *p = e;
            int64_t n = 0;
            for (;;) {
                while (p > s && (w = ws_before(s, p))) p -= w;
                if (p <= s) break;
                if (maxsplit >= 0 && n >= maxsplit) {
                    list_append(S, l, mkstr(S, s, (size_t)(p - s)));
                    break;
                }
                const char *q = p;
                uint32_t c;
                while (q > s && !ws_before(s, q)) q -= cp_len_before(s, q, &c);
                list_append(S, l, mkstr(S, q, (size_t)(p - q)));
                n++;
                p = q;
            }
            reverse_values(l->v, l->n);
        }
    } else {
        if (!is_str(a[0])) return exc_raise(T, EXC_TypeError, "must be str or None, not %s", obj_type_name(S, a[0]));
        Str *sep = AS_STR(a[0]);
        if (sep->len == 0) return exc_raise(T, EXC_ValueError, "empty separator");
        if (!rev) {
            const char *p = s;
            int64_t n = 0;
            for (;;) {
                const char *q = (maxsplit < 0 || n < maxsplit) ? mem_find(p, (size_t)(e - p), sep->s, (size_t)sep->len) : NULL;
                if (!q) {
                    list_append(S, l, mkstr(S, p, (size_t)(e - p)));
                    break;
                }
                list_append(S, l, mkstr(S, p, (size_t)(q - p)));
                p = q + sep->len;
                n++;
            }
        } else {
            const char *p = e;
            int64_t n = 0;
            for (;;) {
                const char *q = (maxsplit < 0 || n < maxsplit) ? mem_rfind(s, (size_t)(p - s), sep->s, (size_t)sep->len) : NULL;
                if (!q) {
                    list_append(S, l, mkstr(S, s, (size_t)(p - s)));
                    break;
                }
                list_append(S, l, mkstr(S, q + sep->len, (size_t)(p - q - sep->len)));
                p = q;
                n++;
            }
            reverse_values(l->v, l->n);
        }
    }
    charge_items(T, self->len);
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(str_split) { return split_impl(T, args, nargs, kw, out, false, "split"); }
NATIVE(str_rsplit) { return split_impl(T, args, nargs, kw, out, true, "rsplit"); }

NATIVE(str_splitlines)
{
    SELF_STR("splitlines");
    Value a[1];
    if (nat_parse(T, "splitlines", args, nargs, kw, "|keepends", a) < 0) return NAT_ERR;
    int keep = 0;
    if (!is_undef(a[0])) {
        keep = obj_truthy(T, a[0]);
        if (keep < 0) return NAT_ERR;
    }
    Sim *S = T->S;
    List *l = list_new(S, 0);
    const char *p = self->s, *e = self->s + self->len;
    while (p < e) {
        const char *q = p;
        while (q < e && *q != '\n' && *q != '\r' && *q != '\v' && *q != '\f' && *q != 0x1c && *q != 0x1d && *q != 0x1e) q++;
        const char *eol = q;
        if (q < e) {
            if (*q == '\r' && q + 1 < e && q[1] == '\n') q += 2;
            else q++;
        }
        list_append(S, l, mkstr(S, p, (size_t)((keep ? q : eol) - p)));
        p = q;
    }
    charge_items(T, self->len);
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(str_join)
{
    SELF_STR("join");
    if (nat_count(T, "join", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value *items, keep;
    int64_t n;
    if (obj_items(T, args[0], &items, &n, &keep) < 0) return NAT_ERR;
    /* the size first, then one string written once (a buffer grown and
     * copied again was most of ",".join of a million parts) */
    int64_t len = n ? (int64_t)self->len * (n - 1) : 0, clen = n ? (int64_t)self->clen * (n - 1) : 0;
    bool ascii = self->h.flags & OF_ASCII;
    for (int64_t i = 0; i < n; i++) {
        if (!is_str(items[i]))
            return exc_raise(T, EXC_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                             obj_type_name(T->S, items[i]));
        const Str *p = AS_STR(items[i]);
        len += p->len;
        clen += p->clen;
        ascii = ascii && (p->h.flags & OF_ASCII);
    }
    /* (at most 2**27 parts of 2**27 bytes: no overflow; str_alloc
     * refuses a result past the single-object limit) */
    Str *r = str_alloc(T, len);
    if (!r) return NAT_ERR;
    char *w = r->s;
    for (int64_t i = 0; i < n; i++) {
        if (i) {
            memcpy(w, self->s, (size_t)self->len);
            w += self->len;
        }
        memcpy(w, AS_STR(items[i])->s, (size_t)AS_STR(items[i])->len);
        w += AS_STR(items[i])->len;
    }
    r->clen = (int32_t)clen;
    if (ascii) r->h.flags |= OF_ASCII;
    charge_bytes(T, len);
    charge_items(T, n);
    *out = v_obj(r);
    return NAT_OK;
}

static int pad_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int mode, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 1, 2) < 0) return NAT_ERR;
    int64_t width;
    if (nat_arg_int(T, args[0], name, &width) < 0) return NAT_ERR;
    const char *fill = " ";
    size_t fl = 1;
    if (nargs == 2) {
        if (!is_str(args[1]) || AS_STR(args[1])->clen != 1)
            return exc_raise(T, EXC_TypeError, "The fill character must be exactly one character long");
        fill = AS_STR(args[1])->s;
        fl = (size_t)AS_STR(args[1])->len;
    }
    /* compared before subtracting: width may be INT64_MIN */
    int64_t pad = width > self->clen ? width - self->clen : 0;
    if (pad <= 0) {
        *out = v_obj(self);
        return NAT_OK;
    }
    if (obj_check_size(T, width) < 0) return NAT_ERR;
    int64_t left = mode == 0 ? 0 : mode == 1 ? pad : pad / 2 + (pad & width & 1);
    int64_t right = pad - left;
    SBuf b = STR_BUF; /* width is in characters: a 4-byte fill makes 4 bytes each */
    for (int64_t i = 0; i < left && !b.over; i++) sb_put(&b, fill, fl);
    sb_put(&b, self->s, (size_t)self->len);
    for (int64_t i = 0; i < right && !b.over; i++) sb_put(&b, fill, fl);
    charge_bytes(T, (int64_t)b.n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(str_ljust) { return pad_impl(T, args, nargs, kw, out, 0, "ljust"); }
NATIVE(str_rjust) { return pad_impl(T, args, nargs, kw, out, 1, "rjust"); }
NATIVE(str_center) { return pad_impl(T, args, nargs, kw, out, 2, "center"); }

NATIVE(str_zfill)
{
    SELF_STR("zfill");
    if (nat_count(T, "zfill", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t width;
    if (nat_arg_int(T, args[0], "zfill", &width) < 0) return NAT_ERR;
    int64_t pad = width > self->clen ? width - self->clen : 0; /* width may be INT64_MIN */
    if (pad <= 0) {
        *out = v_obj(self);
        return NAT_OK;
    }
    if (obj_check_size(T, width) < 0) return NAT_ERR;
    SBuf b = STR_BUF;
    const char *p = self->s;
    if (self->len && (*p == '+' || *p == '-')) sb_putc(&b, *p++);
    sb_fill(&b, '0', (size_t)pad);
    sb_put(&b, p, (size_t)(self->s + self->len - p));
    charge_bytes(T, (int64_t)b.n);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

static int partition_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool rev, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "must be str, not %s", obj_type_name(T->S, args[0]));
    Str *sep = AS_STR(args[0]);
    if (sep->len == 0) return exc_raise(T, EXC_ValueError, "empty separator");
    Sim *S = T->S;
    const char *q = rev ? mem_rfind(self->s, (size_t)self->len, sep->s, (size_t)sep->len)
                        : mem_find(self->s, (size_t)self->len, sep->s, (size_t)sep->len);
    charge_items(T, self->len); /* a scan, as find() */
    Tuple *t = tuple_new(S, 3);
    if (!q) {
        Value empty = mkstr(S, "", 0);
        t->v[rev ? 2 : 0] = v_obj(self);
        t->v[1] = empty;
        t->v[rev ? 0 : 2] = empty;
    } else {
        t->v[0] = mkstr(S, self->s, (size_t)(q - self->s));
        t->v[1] = v_obj(sep);
        t->v[2] = mkstr(S, q + sep->len, (size_t)(self->s + self->len - q - sep->len));
    }
    *out = v_obj(t);
    return NAT_OK;
}

NATIVE(str_partition) { return partition_impl(T, args, nargs, kw, out, false, "partition"); }
NATIVE(str_rpartition) { return partition_impl(T, args, nargs, kw, out, true, "rpartition"); }

static int affix_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool suffix, const char *name)
{
    SELF_STR(name);
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (!is_str(args[0])) return exc_raise(T, EXC_TypeError, "%s() argument must be str, not %s", name, obj_type_name(T->S, args[0]));
    Str *x = AS_STR(args[0]);
    if (x->len <= self->len && memcmp(suffix ? self->s + self->len - x->len : self->s, x->s, (size_t)x->len) == 0) {
        charge_bytes(T, self->len - x->len);
        *out = suffix ? mkstr(T->S, self->s, (size_t)(self->len - x->len)) : mkstr(T->S, self->s + x->len, (size_t)(self->len - x->len));
    } else {
        *out = v_obj(self);
    }
    return NAT_OK;
}

NATIVE(str_removeprefix) { return affix_impl(T, args, nargs, kw, out, false, "removeprefix"); }
NATIVE(str_removesuffix) { return affix_impl(T, args, nargs, kw, out, true, "removesuffix"); }

/* str.maketrans(x[, y[, z]]): a dict from code points to code points,
 * strings or None, as CPython builds it. */
NATIVE(str_maketrans)
{
    Sim *S = T->S;
    if (nat_count(T, "maketrans", nargs, kw, 1, 3) < 0) return NAT_ERR;
    Dict *d = dict_new(S);
    if (nargs == 1) {
        if (!is_dict(args[0]))
            return exc_raise(T, EXC_TypeError, "if you give only one argument to maketrans it must be a dict");
        int64_t it = 0;
        Value k, v;
        while (dict_next(AS_DICT(args[0]), &it, &k, &v)) {
            if (is_str(k)) {
                if (AS_STR(k)->clen != 1)
                    return exc_raise(T, EXC_ValueError, "string keys in translate table must be of length 1");
                int l;
                k = v_int(uc_decode(AS_STR(k)->s, (size_t)AS_STR(k)->len, &l));
            } else if (!is_intlike(k)) {
                return exc_raise(T, EXC_TypeError, "keys in translate table must be strings or integers");
            }
            if (dict_set(T, d, k, v) < 0) return NAT_ERR;
        }
        *out = v_obj(d);
        return NAT_OK;
    }
    if (!is_str(args[0]) || !is_str(args[1]))
        return exc_raise(T, EXC_TypeError, "maketrans() argument 1 must be str, not %s", obj_type_name(S, is_str(args[0]) ? args[1] : args[0]));
    Str *x = AS_STR(args[0]), *y = AS_STR(args[1]);
    if (x->clen != y->clen) return exc_raise(T, EXC_ValueError, "the first two maketrans arguments must have equal length");
    const char *p = x->s, *q = y->s;
    for (int32_t i = 0; i < x->clen; i++) {
        int a, b;
        uint32_t cx = uc_decode(p, (size_t)(x->s + x->len - p), &a);
        uint32_t cy = uc_decode(q, (size_t)(y->s + y->len - q), &b);
        if (dict_set(T, d, v_int(cx), v_int(cy)) < 0) return NAT_ERR;
        p += a;
        q += b;
    }
    if (nargs == 3) {
        if (!is_str(args[2])) return exc_raise(T, EXC_TypeError, "maketrans() argument 3 must be str, not %s", obj_type_name(S, args[2]));
        Str *z = AS_STR(args[2]);
        for (const char *r = z->s; r < z->s + z->len;) {
            int a;
            uint32_t cz = uc_decode(r, (size_t)(z->s + z->len - r), &a);
            if (dict_set(T, d, v_int(cz), v_none()) < 0) return NAT_ERR;
            r += a;
        }
    }
    charge_items(T, x->clen);
    *out = v_obj(d);
    return NAT_OK;
}

NATIVE(str_translate)
{
    SELF_STR("translate");
    Sim *S = T->S;
    if (nat_count(T, "translate", nargs, kw, 1, 1) < 0) return NAT_ERR;
    SBuf b = STR_BUF; /* a character may map to any str */
    for (const char *p = self->s; p < self->s + self->len && !b.over;) {
        int l;
        uint32_t c = uc_decode(p, (size_t)(self->s + self->len - p), &l);
        Value r;
        if (obj_getitem(T, args[0], v_int(c), &r) < 0) {
            if (!exc_matches(S, T->exc, EXC_LookupError)) {
                sb_free(&b);
                return NAT_ERR;
            }
            T->exc = v_undef();
            sb_put(&b, p, (size_t)l);
        } else if (is_none(r)) {
            /* deleted */
        } else if (is_intlike(r)) {
            if (r.u.i < 0 || r.u.i > 0x10FFFF) {
                sb_free(&b);
                return exc_raise(T, EXC_ValueError, "character mapping must be in range(0x110000)");
            }
            char buf[4];
            sb_put(&b, buf, (size_t)uc_encode((uint32_t)r.u.i, buf));
        } else if (is_str(r)) {
            sb_put(&b, AS_STR(r)->s, (size_t)AS_STR(r)->len);
        } else {
            sb_free(&b);
            return exc_raise(T, EXC_TypeError, "character mapping must return integer, None or str");
        }
        p += l;
    }
    charge_items(T, self->clen);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(str_isprintable)
{
    SELF_STR("isprintable");
    if (nat_count(T, "isprintable", nargs, kw, 0, 0) < 0) return NAT_ERR;
    bool ok = true;
    for (const char *p = self->s; ok && p < self->s + self->len;) {
        int l;
        ok = uc_isprintable(uc_decode(p, (size_t)(self->s + self->len - p), &l));
        p += l;
    }
    charge_items(T, self->len);
    *out = v_bool(ok);
    return NAT_OK;
}

/* str.encode(encoding='utf-8', errors='strict'): utf-8, ascii and latin-1 */
NATIVE(str_encode)
{
    SELF_STR("encode");
    Value a[2];
    if (nat_parse(T, "encode", args, nargs, kw, "|encoding,errors", a) < 0) return NAT_ERR;
    const char *enc = is_str(a[0]) ? AS_STR(a[0])->s : "utf-8";
    const char *errs = is_str(a[1]) ? AS_STR(a[1])->s : "strict";
    char e[32];
    size_t k = 0;
    for (const char *p = enc; *p && k < sizeof e - 1; p++)
        if (*p != '-' && *p != '_') e[k++] = (char)tolower((unsigned char)*p);
    e[k] = 0;
    charge_items(T, self->len / 8);
    if (strcmp(e, "utf8") == 0 || (self->h.flags & OF_ASCII && (strcmp(e, "ascii") == 0 || strcmp(e, "latin1") == 0))) {
        *out = bytes_new(T->S, self->s, self->len);
        return NAT_OK;
    }
    int limit = strcmp(e, "ascii") == 0 ? 128 : strcmp(e, "latin1") == 0 || strcmp(e, "iso88591") == 0 ? 256 : 0;
    if (!limit) return exc_raise(T, EXC_LookupError, "unknown encoding: %s", enc);
    uint8_t *buf = xmalloc((size_t)self->len + 1);
    int64_t n = 0, pos = 0;
    for (const char *p = self->s; p < self->s + self->len; pos++) {
        int l;
        uint32_t c = uc_decode(p, (size_t)(self->s + self->len - p), &l);
        p += l;
        if (c < (uint32_t)limit) {
            buf[n++] = (uint8_t)c;
        } else if (strcmp(errs, "ignore") == 0) {
        } else if (strcmp(errs, "replace") == 0) {
            buf[n++] = '?';
        } else {
            free(buf);
            char ch[16];
            snprintf(ch, sizeof ch, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
            return exc_raise(T, EXC_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %lld: ordinal not in range(%d)",
                             limit == 128 ? "ascii" : "latin-1", ch, (long long)pos, limit);
        }
    }
    *out = bytes_new(T->S, buf, n);
    free(buf);
    return NAT_OK;
}

/* str.format_map(mapping): str.format with the mapping's items as the
 * keyword arguments (looked up with [], so a defaultdict's default works) */
NATIVE(str_format_map)
{
    SELF_STR("format_map");
    if (nat_count(T, "format_map", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (format_str_format_map(T, self, args[0], out) < 0) return NAT_ERR;
    return NAT_OK;
}

NATIVE(str_format_m)
{
    SELF_STR("format");
    if (format_str_format(T, self, args, nargs, kw, out) < 0) return NAT_ERR;
    charge_bytes(T, AS_STR(*out)->len);
    return NAT_OK;
}

NATIVE(str_expandtabs)
{
    SELF_STR("expandtabs");
    Value a[1];
    if (nat_parse(T, "expandtabs", args, nargs, kw, "|tabsize", a) < 0) return NAT_ERR;
    int64_t ts = 8;
    if (!is_undef(a[0]) && nat_arg_int(T, a[0], "expandtabs", &ts) < 0) return NAT_ERR;
    SBuf b = STR_BUF;
    sb_put(&b, "", 0);
    int64_t col = 0;
    for (int32_t i = 0; i < self->len && !b.over; i++) {
        char c = self->s[i];
        if (c == '\t') {
            if (ts > 0) {
                int64_t n = ts - col % ts;
                sb_fill(&b, ' ', (size_t)n);
                col += n;
            }
        } else {
            sb_putc(&b, c);
            if (c == '\n' || c == '\r') col = 0;
            else if (!uc_cont((unsigned char)c)) col++;
        }
    }
    charge_items(T, self->len);
    return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;
}

/* ---- list ---- */

#define SELF_LIST(name)                                                                         \
    if (nargs < 1 || !is_list(args[0]))                                                          \
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for 'list' objects doesn't apply to a '%s' object", \
                        name, nargs ? obj_type_name(T->S, args[0]) : "NoneType");                   \
    List *self = AS_LIST(args[0]);                                                               \
    args++;                                                                                      \
    nargs--;

NATIVE(list_append_m)
{
    SELF_LIST("append");
    if (nat_count(T, "list.append", nargs, kw, 1, 1) < 0) return NAT_ERR;
    list_append(T->S, self, args[0]);
    *out = v_none();
    return NAT_OK;
}

NATIVE(list_extend_m)
{
    SELF_LIST("extend");
    if (nat_count(T, "list.extend", nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value *items, keep;
    int64_t n;
    if (obj_items(T, args[0], &items, &n, &keep) < 0) return NAT_ERR;
    if (items == self->v) {
        /* l.extend(l) */
        List *copy;
        if (obj_to_list(T, args[0], &copy) < 0) return NAT_ERR;
        items = copy->v;
    }
    for (int64_t i = 0; i < n; i++) list_append(T->S, self, items[i]);
    charge_items(T, n);
    *out = v_none();
    return NAT_OK;
}

NATIVE(list_insert_m)
{
    SELF_LIST("insert");
    if (nat_count(T, "insert", nargs, kw, 2, 2) < 0) return NAT_ERR;
    int64_t i;
    if (nat_arg_int(T, args[0], "insert", &i) < 0) return NAT_ERR;
    list_insert(T->S, self, i, args[1]);
    charge_items(T, self->n / 8);
    *out = v_none();
    return NAT_OK;
}

NATIVE(list_pop)
{
    SELF_LIST("pop");
    if (nat_count(T, "pop", nargs, kw, 0, 1) < 0) return NAT_ERR;
    if (self->n == 0) return exc_raise(T, EXC_IndexError, "pop from empty list");
    int64_t i = self->n - 1;
    if (nargs == 1) {
        if (nat_arg_int(T, args[0], "pop", &i) < 0) return NAT_ERR;
        if (i < 0) i += self->n;
        if (i < 0 || i >= self->n) return exc_raise(T, EXC_IndexError, "pop index out of range");
    }
    *out = self->v[i];
    memmove(self->v + i, self->v + i + 1, (size_t)(self->n - i - 1) * sizeof(Value));
    self->n--;
    charge_items(T, (self->n - i) / 8);
    return NAT_OK;
}

static int list_find(Task *T, List *self, Value x, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < self->n; i++) {
        Value v = self->v[i];
        int r = obj_eq_id(T, v, x);
        if (r < 0) return -2;
        if (r) return (int)i;
    }
    return -1;
}

NATIVE(list_remove)
{
    SELF_LIST("remove");
    if (nat_count(T, "remove", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int i = list_find(T, self, args[0], 0, self->n);
    if (i == -2) return NAT_ERR;
    if (i < 0) return exc_raise(T, EXC_ValueError, "list.remove(x): x not in list");
    memmove(self->v + i, self->v + i + 1, (size_t)(self->n - i - 1) * sizeof(Value));
    self->n--;
    charge_items(T, self->n);
    *out = v_none();
    return NAT_OK;
}

NATIVE(list_index)
{
    SELF_LIST("index");
    if (nat_count(T, "index", nargs, kw, 1, 3) < 0) return NAT_ERR;
    int64_t a = 0, b = self->n;
    if (nargs > 1 && nat_arg_int(T, args[1], "index", &a) < 0) return NAT_ERR;
    if (nargs > 2 && nat_arg_int(T, args[2], "index", &b) < 0) return NAT_ERR;
    if (a < 0) a = a + self->n < 0 ? 0 : a + self->n;
    if (b < 0) b = b + self->n < 0 ? 0 : b + self->n;
    int i = list_find(T, self, args[0], a, b);
    if (i == -2) return NAT_ERR;
    /* the items compared: up to the match, or the whole range */
    int64_t end = b < self->n ? b : self->n;
    charge_items(T, (i >= 0 ? i + 1 : end) - a);
    if (i < 0) {
        SBuf rb = MSG_BUF;
        repr_write(T, args[0], &rb);
        exc_raise(T, EXC_ValueError, "%s is not in list", rb.s ? rb.s : "");
        sb_free(&rb);
        return NAT_ERR;
    }
    *out = v_int(i);
    return NAT_OK;
}

NATIVE(list_count)
{
    SELF_LIST("count");
    if (nat_count(T, "count", nargs, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n = 0;
    for (int64_t i = 0; i < self->n; i++) {
        int r = obj_eq_id(T, self->v[i], args[0]);
        if (r < 0) return NAT_ERR;
        n += r;
    }
    charge_items(T, self->n);
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(list_sort)
{
    SELF_LIST("sort");
    if (nat_npos(nargs, kw) > 0) return exc_raise(T, EXC_TypeError, "sort() takes no positional arguments");
    Value a[2];
    if (nat_parse(T, "sort", args, nargs, kw, "$key,reverse", a) < 0) return NAT_ERR;
    int rev = 0;
    if (!is_undef(a[1])) {
        rev = obj_truthy(T, a[1]);
        if (rev < 0) return NAT_ERR;
    }
    /* sort a copy, as CPython empties the list while sorting */
    int64_t n = self->n;
    Value *v = xmalloc((size_t)(n ? n : 1) * sizeof(Value));
    vcopy(v, self->v, n);
    List *tmp = list_new(T->S, 0);
    tmp->v = v;
    tmp->n = tmp->cap = n;
    int r = obj_sort(T, tmp->v, n, a[0], rev);
    if (r == 0) {
        if (self->n != n) {
            return exc_raise(T, EXC_ValueError, "list modified during sort");
        }
        vcopy(self->v, tmp->v, n);
    }
    *out = v_none();
    return r < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(list_reverse)
{
    SELF_LIST("reverse");
    if (nat_count(T, "reverse", nargs, kw, 0, 0) < 0) return NAT_ERR;
    for (int64_t i = 0, j = self->n - 1; i < j; i++, j--) {
        Value t = self->v[i];
        self->v[i] = self->v[j];
        self->v[j] = t;
    }
    charge_items(T, self->n / 2);
    *out = v_none();
    return NAT_OK;
}

NATIVE(list_copy)
{
    SELF_LIST("copy");
    if (nat_count(T, "copy", nargs, kw, 0, 0) < 0) return NAT_ERR;
    List *l;
    if (obj_to_list(T, v_obj(self), &l) < 0) return NAT_ERR;
    charge_items(T, l->n);
    *out = v_obj(l);
    return NAT_OK;
}

NATIVE(list_clear)
{
    SELF_LIST("clear");
    if (nat_count(T, "clear", nargs, kw, 0, 0) < 0) return NAT_ERR;
    self->n = 0;
    *out = v_none();
    return NAT_OK;
}

/* ---- tuple ---- */

NATIVE(tuple_index)
{
    if (nargs < 1 || !is_tuple(args[0])) return exc_raise(T, EXC_TypeError, "descriptor 'index' requires a 'tuple' object");
    Tuple *self = AS_TUPLE(args[0]);
    if (nat_count(T, "index", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    for (int64_t i = 0; i < self->n; i++) {
        int r = obj_eq_id(T, self->v[i], args[1]);
        if (r < 0) return NAT_ERR;
        if (r) {
            charge_items(T, i + 1);
            *out = v_int(i);
            return NAT_OK;
        }
    }
    charge_items(T, self->n);
    return exc_raise(T, EXC_ValueError, "tuple.index(x): x not in tuple");
}

NATIVE(tuple_count)
{
    if (nargs < 1 || !is_tuple(args[0])) return exc_raise(T, EXC_TypeError, "descriptor 'count' requires a 'tuple' object");
    Tuple *self = AS_TUPLE(args[0]);
    if (nat_count(T, "count", nargs - 1, kw, 1, 1) < 0) return NAT_ERR;
    int64_t n = 0;
    for (int64_t i = 0; i < self->n; i++) {
        int r = obj_eq_id(T, self->v[i], args[1]);
        if (r < 0) return NAT_ERR;
        n += r;
    }
    charge_items(T, self->n);
    *out = v_int(n);
    return NAT_OK;
}

/* ---- dict ---- */

#define SELF_DICT(name)                                                                         \
    if (nargs < 1 || !is_dict(args[0]))                                                          \
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for 'dict' objects doesn't apply to a '%s' object", \
                        name, nargs ? obj_type_name(T->S, args[0]) : "NoneType");                   \
    Dict *self = AS_DICT(args[0]);                                                               \
    args++;                                                                                      \
    nargs--;

static int dict_view(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int kind, const char *name)
{
    SELF_DICT(name);
    if (nat_count(T, name, nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_obj(obj_iter_new(T->S, kind, v_obj(self)));
    return NAT_OK;
}

NATIVE(dict_keys) { return dict_view(T, args, nargs, kw, out, IT_VIEW_KEYS, "keys"); }
NATIVE(dict_values) { return dict_view(T, args, nargs, kw, out, IT_VIEW_VALUES, "values"); }
NATIVE(dict_items) { return dict_view(T, args, nargs, kw, out, IT_VIEW_ITEMS, "items"); }

NATIVE(dict_get_m)
{
    SELF_DICT("get");
    if (nat_count(T, "get", nargs, kw, 1, 2) < 0) return NAT_ERR;
    int r = dict_get(T, self, args[0], out);
    if (r < 0) return NAT_ERR;
    if (r == 0) *out = nargs == 2 ? args[1] : v_none();
    return NAT_OK;
}

NATIVE(dict_pop)
{
    SELF_DICT("pop");
    if (nat_count(T, "pop", nargs, kw, 1, 2) < 0) return NAT_ERR;
    int r = dict_get(T, self, args[0], out);
    if (r < 0) return NAT_ERR;
    if (r == 0) {
        if (nargs == 2) {
            *out = args[1];
            return NAT_OK;
        }
        return exc_raise_value(T, exc_new(T, T->S->exc[EXC_KeyError], &args[0], 1));
    }
    dict_del(T, self, args[0]);
    return NAT_OK;
}

NATIVE(dict_popitem)
{
    SELF_DICT("popitem");
    if (nat_count(T, "popitem", nargs, kw, 0, 0) < 0) return NAT_ERR;
    for (int64_t i = self->nent - 1; i >= 0; i--) {
        if (is_undef(self->ent[i].key)) continue;
        Value k = self->ent[i].key, v = self->ent[i].val;
        dict_del(T, self, k);
        *out = tuple_pair(T->S, k, v);
        return NAT_OK;
    }
    return exc_raise(T, EXC_KeyError, "popitem(): dictionary is empty");
}

NATIVE(dict_setdefault)
{
    SELF_DICT("setdefault");
    if (nat_count(T, "setdefault", nargs, kw, 1, 2) < 0) return NAT_ERR;
    int r = dict_get(T, self, args[0], out);
    if (r < 0) return NAT_ERR;
    if (r == 0) {
        *out = nargs == 2 ? args[1] : v_none();
        if (dict_set(T, self, args[0], *out) < 0) return NAT_ERR;
    }
    return NAT_OK;
}

NATIVE(dict_update_m)
{
    SELF_DICT("update");
    int npos = nat_npos(nargs, kw);
    if (npos > 1) return exc_raise(T, EXC_TypeError, "update expected at most 1 argument, got %d", npos);
    if (npos == 1 && dict_update(T, self, args[0]) < 0) return NAT_ERR;
    for (int k = 0; kw && k < (int)kw->n; k++)
        if (dict_set(T, self, kw->v[k], args[npos + k]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(dict_copy_m)
{
    SELF_DICT("copy");
    if (nat_count(T, "copy", nargs, kw, 0, 0) < 0) return NAT_ERR;
    *out = v_obj(dict_copy(T->S, self));
    charge_items(T, self->used);
    return NAT_OK;
}

NATIVE(dict_clear_m)
{
    SELF_DICT("clear");
    if (nat_count(T, "clear", nargs, kw, 0, 0) < 0) return NAT_ERR;
    dict_clear(T->S, self);
    *out = v_none();
    return NAT_OK;
}

NATIVE(dict_fromkeys)
{
    /* classmethod: args[0] is the class */
    if (nat_count(T, "fromkeys", nargs - 1, kw, 1, 2) < 0) return NAT_ERR;
    Dict *d = dict_new(T->S);
    Value val = nargs == 3 ? args[2] : v_none();
    Value it;
    if (obj_iter(T, args[1], &it) < 0) return NAT_ERR;
    for (;;) {
        Value k;
        int r = obj_next(T, it, &k);
        if (r < 0) return NAT_ERR;
        if (r == 0) break;
        charge_items(T, 1);
        if (dict_set(T, d, k, val) < 0) return NAT_ERR;
    }
    *out = v_obj(d);
    return NAT_OK;
}

/* ---- set ---- */

#define SELF_SET(name)                                                                          \
    if (nargs < 1 || !is_set(args[0]))                                                           \
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for 'set' objects doesn't apply to a '%s' object", \
                        name, nargs ? obj_type_name(T->S, args[0]) : "NoneType");                   \
    Set *self = AS_SET(args[0]);                                                                 \
    args++;                                                                                      \
    nargs--;

NATIVE(set_add_m)
{
    SELF_SET("add");
    if (nat_count(T, "add", nargs, kw, 1, 1) < 0) return NAT_ERR;
    if (set_add(T, self, args[0]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

static int set_remove_impl(Task *T, Value *args, int nargs, Tuple *kw, Value *out, bool raise, const char *name)
{
    SELF_SET(name);
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    int r = set_discard(T, self, args[0]);
    if (r < 0) return NAT_ERR;
    if (r == 0 && raise) return exc_raise_value(T, exc_new(T, T->S->exc[EXC_KeyError], &args[0], 1));
    *out = v_none();
    return NAT_OK;
}

NATIVE(set_remove) { return set_remove_impl(T, args, nargs, kw, out, true, "remove"); }
NATIVE(set_discard_m) { return set_remove_impl(T, args, nargs, kw, out, false, "discard"); }

NATIVE(set_pop)
{
    SELF_SET("pop");
    if (nat_count(T, "pop", nargs, kw, 0, 0) < 0) return NAT_ERR;
    if (self->used == 0) return exc_raise(T, EXC_KeyError, "pop from an empty set");
    /* CPython scans from a moving finger */
    int64_t i = self->finger & self->mask;
    while (is_undef(self->table[i].key)) i = (i + 1) & self->mask;
    *out = self->table[i].key;
    self->table[i].key = v_undef();
    self->table[i].hash = -1;
    self->used--;
    self->finger = i + 1;
    return NAT_OK;
}

NATIVE(set_clear_m)
{
    SELF_SET("clear");
    if (nat_count(T, "clear", nargs, kw, 0, 0) < 0) return NAT_ERR;
    set_clear(T->S, self);
    *out = v_none();
    return NAT_OK;
}

NATIVE(set_copy_m)
{
    SELF_SET("copy");
    if (nat_count(T, "copy", nargs, kw, 0, 0) < 0) return NAT_ERR;
    Set *s = set_new(T->S, self->h.flags & OF_FROZEN);
    if (set_update(T, s, v_obj(self)) < 0) return NAT_ERR;
    charge_items(T, self->used);
    *out = v_obj(s);
    return NAT_OK;
}

/* union/intersection/... with any iterables: convert, then use the operator */
static int set_method_op(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int op, bool inplace, const char *name)
{
    SELF_SET(name);
    if (nat_no_kw(T, name, kw) < 0) return NAT_ERR;
    Value acc = v_obj(self);
    if (!inplace && nargs == 0) {
        Set *s = set_new(T->S, self->h.flags & OF_FROZEN);
        if (set_update(T, s, acc) < 0) return NAT_ERR;
        *out = v_obj(s);
        return NAT_OK;
    }
    for (int i = 0; i < nargs; i++) {
        Value other = args[i];
        if (!is_set(other)) {
            Set *s = set_new(T->S, false);
            if (set_update(T, s, other) < 0) return NAT_ERR;
            other = v_obj(s);
        }
        if (ops_binop(T, op + (inplace ? BIN_INPLACE : 0), acc, other, &acc) < 0) return NAT_ERR;
    }
    *out = inplace ? v_none() : acc;
    return NAT_OK;
}

NATIVE(set_union) { return set_method_op(T, args, nargs, kw, out, BIN_OR, false, "union"); }
NATIVE(set_intersection) { return set_method_op(T, args, nargs, kw, out, BIN_AND, false, "intersection"); }
NATIVE(set_difference) { return set_method_op(T, args, nargs, kw, out, BIN_SUB, false, "difference"); }
NATIVE(set_symdiff) { return set_method_op(T, args, nargs, kw, out, BIN_XOR, false, "symmetric_difference"); }
NATIVE(set_update_m) { return set_method_op(T, args, nargs, kw, out, BIN_OR, true, "update"); }
NATIVE(set_intersection_update) { return set_method_op(T, args, nargs, kw, out, BIN_AND, true, "intersection_update"); }
NATIVE(set_difference_update) { return set_method_op(T, args, nargs, kw, out, BIN_SUB, true, "difference_update"); }
NATIVE(set_symdiff_update) { return set_method_op(T, args, nargs, kw, out, BIN_XOR, true, "symmetric_difference_update"); }

static int set_rel(Task *T, Value *args, int nargs, Tuple *kw, Value *out, int which, const char *name)
{
    SELF_SET(name);
    if (nat_count(T, name, nargs, kw, 1, 1) < 0) return NAT_ERR;
    Value other = args[0];
    if (!is_set(other)) {
        Set *s = set_new(T->S, false);
        if (set_update(T, s, other) < 0) return NAT_ERR;
        other = v_obj(s);
    }
    if (which == 2) {
        int64_t pos = 0;
        Value k;
        while (set_next(self, &pos, &k)) {
            int r = set_contains(T, AS_SET(other), k);
            if (r < 0) return NAT_ERR;
            if (r) {
                *out = v_bool(false);
                return NAT_OK;
            }
        }
        *out = v_bool(true);
        return NAT_OK;
    }
    return obj_richcmp(T, v_obj(self), other, which == 0 ? CMP_LE : CMP_GE, out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(set_issubset) { return set_rel(T, args, nargs, kw, out, 0, "issubset"); }
NATIVE(set_issuperset) { return set_rel(T, args, nargs, kw, out, 1, "issuperset"); }
NATIVE(set_isdisjoint) { return set_rel(T, args, nargs, kw, out, 2, "isdisjoint"); }

/* ---- int / float ---- */

NATIVE(int_bit_length)
{
    if (nargs != 1 || !bigint_is_int(args[0])) return exc_raise(T, EXC_TypeError, "bit_length() takes no arguments");
    (void)kw;
    *out = v_int(bigint_bit_length(args[0]));
    return NAT_OK;
}

static int byteorder_arg(Task *T, Value v, bool *little)
{
    *little = false;
    if (is_undef(v)) return 0;
    if (!is_str(v)) return exc_raise(T, EXC_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", obj_type_name(T->S, v));
    if (str_eq_c(AS_STR(v), "little")) *little = true;
    else if (!str_eq_c(AS_STR(v), "big")) return exc_raise(T, EXC_ValueError, "byteorder must be either 'little' or 'big'");
    return 0;
}

/* 2 ** (8 * n) */
static int byte_power(Task *T, int64_t n, Value *out)
{
    return bigint_pow(T, v_int(2), v_int(8 * n), out);
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False): through the
 * hex digits of the value (made non-negative as two's complement) */
NATIVE(int_to_bytes)
{
    if (nargs < 1 || !bigint_is_int(args[0])) return exc_raise(T, EXC_TypeError, "descriptor 'to_bytes' needs an int");
    Value a[3];
    if (nat_parse(T, "to_bytes", args + 1, nargs - 1, kw, "|length,byteorder$signed", a) < 0) return NAT_ERR;
    int64_t len = 1;
    if (!is_undef(a[0]) && nat_arg_int(T, a[0], "to_bytes", &len) < 0) return NAT_ERR;
    if (len < 0) return exc_raise(T, EXC_ValueError, "length argument must be non-negative");
    if (len > 1 << 26) return exc_raise(T, EXC_OverflowError, "int too big to convert");
    bool little;
    if (byteorder_arg(T, a[1], &little) < 0) return NAT_ERR;
    int sgn = 0;
    if (!is_undef(a[2]) && (sgn = obj_truthy(T, a[2])) < 0) return NAT_ERR;
    Value v = args[0];
    bool neg = bigint_sign(v) < 0;
    if (neg && !sgn) return exc_raise(T, EXC_OverflowError, "can't convert negative int to unsigned");
    Value mag = v;
    if (neg && bigint_invert(T, v, &mag) < 0) return NAT_ERR;
    if (bigint_bit_length(mag) > 8 * len - (sgn ? 1 : 0)) return exc_raise(T, EXC_OverflowError, "int too big to convert");
    if (neg) {
        Value p;
        if (byte_power(T, len, &p) < 0 || ops_binop(T, BIN_ADD, v, p, &v) < 0) return NAT_ERR;
    }
    SBuf hex = {0};
    if (bigint_write(T, v, 16, false, &hex) < 0) {
        sb_free(&hex);
        return NAT_ERR;
    }
    uint8_t *buf = xcalloc((size_t)(len ? len : 1), 1);
    /* the digits fill the buffer from its end */
    for (int64_t i = 0; i < (int64_t)hex.n; i++) {
        int64_t digit = (int64_t)hex.n - 1 - i; /* i-th digit from the right */
        char c = hex.s[digit];
        int d = c <= '9' ? c - '0' : c - 'a' + 10;
        int64_t byte = len - 1 - i / 2;
        if (byte < 0) break;
        buf[byte] |= (uint8_t)(i % 2 ? d << 4 : d);
    }
    sb_free(&hex);
    if (little)
        for (int64_t i = 0; i < len / 2; i++) {
            uint8_t t = buf[i];
            buf[i] = buf[len - 1 - i];
            buf[len - 1 - i] = t;
        }
    *out = bytes_new(T->S, buf, len);
    free(buf);
    return NAT_OK;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False) */
NATIVE(int_from_bytes)
{
    if (nargs < 1) return exc_raise(T, EXC_TypeError, "descriptor 'from_bytes' needs the int type");
    Value a[3];
    if (nat_parse(T, "from_bytes", args + 1, nargs - 1, kw, "bytes|byteorder$signed", a) < 0) return NAT_ERR;
    const uint8_t *d;
    int64_t n;
    if (bytes_arg(T, a[0], NULL, &d, &n) < 0) return NAT_ERR;
    bool little;
    if (byteorder_arg(T, a[1], &little) < 0) return NAT_ERR;
    int sgn = 0;
    if (!is_undef(a[2]) && (sgn = obj_truthy(T, a[2])) < 0) return NAT_ERR;
    if (n == 0) {
        *out = v_int(0);
        return NAT_OK;
    }
    SBuf hex = {0};
    static const char digits[] = "0123456789abcdef";
    for (int64_t i = 0; i < n; i++) {
        uint8_t b = d[little ? n - 1 - i : i];
        sb_putc(&hex, digits[b >> 4]);
        sb_putc(&hex, digits[b & 15]);
    }
    uint8_t top = d[little ? n - 1 : 0];
    Value v;
    int r = bigint_parse(T, hex.s, hex.n, 16, &v);
    sb_free(&hex);
    if (r != 0) return r < 0 ? NAT_ERR : exc_raise(T, EXC_ValueError, "bad bytes");
    if (sgn && (top & 0x80)) {
        Value p;
        if (byte_power(T, n, &p) < 0 || ops_binop(T, BIN_SUB, v, p, &v) < 0) return NAT_ERR;
    }
    *out = v;
    return NAT_OK;
}

NATIVE(int_bit_count)
{
    if (nargs != 1 || !bigint_is_int(args[0])) return exc_raise(T, EXC_TypeError, "bit_count() takes no arguments");
    (void)kw;
    *out = v_int(bigint_bit_count(args[0]));
    return NAT_OK;
}

NATIVE(num_conjugate)
{
    (void)kw;
    (void)T;
    *out = nargs && is_bool(args[0]) ? v_int(args[0].u.i) : args[0];
    return NAT_OK;
}

NATIVE(float_is_integer)
{
    if (nargs != 1 || !is_float(args[0])) return exc_raise(T, EXC_TypeError, "is_integer() takes no arguments");
    (void)kw;
    double d = args[0].u.f;
    *out = v_bool(isfinite(d) && d == floor(d));
    return NAT_OK;
}

NATIVE(float_as_integer_ratio)
{
    if (nargs != 1 || !is_float(args[0])) return exc_raise(T, EXC_TypeError, "as_integer_ratio() takes no arguments");
    (void)kw;
    double d = args[0].u.f;
    if (isinf(d)) return exc_raise(T, EXC_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return exc_raise(T, EXC_ValueError, "cannot convert NaN to integer ratio");
    Value num, den;
    bigint_double_ratio(T->S, d, &num, &den);
    *out = tuple_pair(T->S, num, den);
    return NAT_OK;
}

NATIVE(int_as_integer_ratio)
{
    if (nargs != 1 || !bigint_is_int(args[0])) return exc_raise(T, EXC_TypeError, "as_integer_ratio() takes no arguments");
    (void)kw;
    *out = tuple_pair(T->S, is_bool(args[0]) ? v_int(args[0].u.i) : args[0], v_int(1));
    return NAT_OK;
}

/* float.hex(): CPython's "0x1.<13 hex digits>p<exp>" (subnormals as 0x0.<...>p-1022). */
NATIVE(float_hex)
{
    if (nargs != 1 || !is_float(args[0])) return exc_raise(T, EXC_TypeError, "hex() takes no arguments");
    (void)kw;
    double d = args[0].u.f;
    char buf[64];
    if (isnan(d) || isinf(d)) {
        snprintf(buf, sizeof buf, "%s", isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
    } else if (d == 0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(d) ? "-" : "");
    } else {
        int e;
        double m = frexp(fabs(d), &e);  /* [0.5, 1) */
        int lead = 1;
        uint64_t frac;
        e -= 1;
        if (e < -1022) {
            lead = 0;
            frac = (uint64_t)ldexp(fabs(d), 1074);
            e = -1022;
        } else {
            frac = (uint64_t)ldexp(m * 2 - 1, 52);
        }
        snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", signbit(d) ? "-" : "", lead, (unsigned long long)frac, e);
    }
    *out = str_value(T->S, buf);
    return NAT_OK;
}

/* float.fromhex(s): what strtod reads as a hexadecimal float, plus
 * Python's spellings of inf and nan and surrounding whitespace. */
NATIVE(float_fromhex)
{
    (void)kw;
    if (nargs != 2 || !is_str(args[1])) return exc_raise(T, EXC_TypeError, "fromhex() argument must be str");
    Str *s = AS_STR(args[1]);
    const char *p = s->s, *e = s->s + s->len;
    while (p < e && strchr(" \t\n\r\f\v", *p)) p++;
    while (e > p && strchr(" \t\n\r\f\v", e[-1])) e--;
    char buf[400];
    size_t n = (size_t)(e - p);
    bool ok = n > 0 && n < sizeof buf - 3;
    double d = 0;
    if (ok) {
        const char *q = p;
        size_t k = 0;
        if (*q == '+' || *q == '-') buf[k++] = *q++;
        if (!strncasecmp(q, "inf", 3) || !strncasecmp(q, "nan", 3)) {
            memcpy(buf + k, q, (size_t)(e - q));
            buf[k + (size_t)(e - q)] = 0;
            const char *w = buf + (buf[0] == '+' || buf[0] == '-');
            ok = !strcasecmp(w, "inf") || !strcasecmp(w, "infinity") || !strcasecmp(w, "nan");
            if (ok) d = strtod(buf, NULL);
        } else {
            if (!(e - q >= 2 && q[0] == '0' && (q[1] == 'x' || q[1] == 'X'))) buf[k++] = '0', buf[k++] = 'x';
            memcpy(buf + k, q, (size_t)(e - q));
            buf[k + (size_t)(e - q)] = 0;
            for (const char *c = q; c < e && ok; c++)
                ok = isxdigit((unsigned char)*c) || strchr(".pPxX+-", *c);
            char *end = NULL;
            if (ok) d = strtod(buf, &end);
            ok = ok && end && *end == 0;
            if (ok && isinf(d)) return exc_raise(T, EXC_OverflowError, "hexadecimal value too large to represent as a float");
        }
    }
    if (!ok) return exc_raise(T, EXC_ValueError, "invalid hexadecimal floating-point string");
    *out = v_float(d);
    return NAT_OK;
}

/* ---- the dunder methods of list, dict and set ----
 *
 * What super().__setitem__(...) and list.__getitem__(x, i) reach from a
 * program's subclass: the builtin's own work, which the subclass's
 * overrides never intercept.  (Plain lists and dicts never go through
 * these: the operators do the work directly.) */

/* self must be a list (dict, set): the check CPython's descriptors make */
static int cont_self(Task *T, Value *args, int nargs, int kind, const char *tname, const char *name)
{
    if (nargs < 1 || !is_kind(args[0], (ObjKind)kind) || (kind == K_SET && (args[0].u.o->flags & OF_FROZEN)))
        return exc_raise(T, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, tname,
                        nargs ? obj_type_name(T->S, args[0]) : "NoneType");
    return 0;
}

#define CONT_DUNDERS(pre, KIND, tname)                                                                     \
    NATIVE(pre##_getitem_d)                                                                                \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__getitem__") < 0 ||                                   \
            nat_count(T, "__getitem__", nargs - 1, kw, 1, 1) < 0)                                          \
            return NAT_ERR;                                                                                \
        return obj_getitem_base(T, args[0], args[1], out) < 0 ? NAT_ERR : NAT_OK;                          \
    }                                                                                                      \
    NATIVE(pre##_setitem_d)                                                                                \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__setitem__") < 0 ||                                   \
            nat_count(T, "__setitem__", nargs - 1, kw, 2, 2) < 0)                                          \
            return NAT_ERR;                                                                                \
        *out = v_none();                                                                                   \
        return obj_setitem_base(T, args[0], args[1], args[2]) < 0 ? NAT_ERR : NAT_OK;                      \
    }                                                                                                      \
    NATIVE(pre##_delitem_d)                                                                                \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__delitem__") < 0 ||                                   \
            nat_count(T, "__delitem__", nargs - 1, kw, 1, 1) < 0)                                          \
            return NAT_ERR;                                                                                \
        *out = v_none();                                                                                   \
        return obj_delitem_base(T, args[0], args[1]) < 0 ? NAT_ERR : NAT_OK;                               \
    }

CONT_DUNDERS(list, K_LIST, "list")
CONT_DUNDERS(dict, K_DICT, "dict")

#define CONT_COMMON(pre, KIND, tname)                                                                      \
    NATIVE(pre##_contains_d)                                                                               \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__contains__") < 0 ||                                  \
            nat_count(T, "__contains__", nargs - 1, kw, 1, 1) < 0)                                         \
            return NAT_ERR;                                                                                \
        int r = obj_contains_base(T, args[0], args[1]);                                                    \
        if (r < 0) return NAT_ERR;                                                                         \
        *out = v_bool(r);                                                                                  \
        return NAT_OK;                                                                                     \
    }                                                                                                      \
    NATIVE(pre##_len_d)                                                                                    \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__len__") < 0 || nat_count(T, "__len__", nargs - 1, kw, 0, 0) < 0) \
            return NAT_ERR;                                                                                \
        Obj *o = args[0].u.o;                                                                              \
        *out = v_int(KIND == K_LIST ? ((List *)o)->n : KIND == K_DICT ? ((Dict *)o)->used : ((Set *)o)->used); \
        return NAT_OK;                                                                                     \
    }                                                                                                      \
    NATIVE(pre##_iter_d)                                                                                   \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__iter__") < 0 || nat_count(T, "__iter__", nargs - 1, kw, 0, 0) < 0) \
            return NAT_ERR;                                                                                \
        return obj_iter_base(T, args[0], out) < 0 ? NAT_ERR : NAT_OK;                                      \
    }                                                                                                      \
    NATIVE(pre##_repr_d)                                                                                   \
    {                                                                                                      \
        if (cont_self(T, args, nargs, KIND, tname, "__repr__") < 0 || nat_count(T, "__repr__", nargs - 1, kw, 0, 0) < 0) \
            return NAT_ERR;                                                                                \
        SBuf b = STR_BUF;                                                                                  \
        if (repr_write_builtin(T, args[0], &b) < 0) {                                                      \
            sb_free(&b);                                                                                   \
            return NAT_ERR;                                                                                \
        }                                                                                                  \
        return str_from_buf(T, &b, out) < 0 ? NAT_ERR : NAT_OK;                                            \
    }

CONT_COMMON(list, K_LIST, "list")
CONT_COMMON(dict, K_DICT, "dict")
CONT_COMMON(set, K_SET, "set")

/* list.__init__(self, iterable=()): the list holds the iterable's items
 * (what a subclass's instance starts from) */
NATIVE(list_init_d)
{
    if (cont_self(T, args, nargs, K_LIST, "list", "__init__") < 0) return NAT_ERR;
    Value a[1];
    if (nat_parse(T, "list", args + 1, nargs - 1, kw, "|iterable", a) < 0) return NAT_ERR;
    AS_LIST(args[0])->n = 0;
    *out = v_none();
    if (is_undef(a[0])) return NAT_OK;
    Value ext[2] = {args[0], a[0]}, r;
    return list_extend_m(T, ext, 2, NULL, &r);
}

/* dict.__init__(self, *args, **kwargs): as update() */
NATIVE(dict_init_d)
{
    if (cont_self(T, args, nargs, K_DICT, "dict", "__init__") < 0) return NAT_ERR;
    if (nat_npos(nargs - 1, kw) > 1) return exc_raise(T, EXC_TypeError, "dict expected at most 1 argument, got %d", nat_npos(nargs - 1, kw));
    return dict_update_m(T, args, nargs, kw, out);
}

/* set.__init__(self, iterable=()) */
NATIVE(set_init_d)
{
    if (cont_self(T, args, nargs, K_SET, "set", "__init__") < 0) return NAT_ERR;
    Value a[1];
    if (nat_parse(T, "set", args + 1, nargs - 1, kw, "|iterable", a) < 0) return NAT_ERR;
    set_clear(T->S, AS_SET(args[0]));
    *out = v_none();
    if (is_undef(a[0])) return NAT_OK;
    Value upd[2] = {args[0], a[0]}, r;
    return set_update_m(T, upd, 2, NULL, &r);
}

/* ---- object ---- */

NATIVE(object_init)
{
    (void)T, (void)args, (void)nargs, (void)kw;
    *out = v_none();
    return NAT_OK;
}

NATIVE(object_repr)
{
    (void)nargs, (void)kw;
    /* the default repr, ignoring a user __repr__ (object.__repr__(self)) */
    Sim *S = T->S;
    Value v = args[0];
    if (!is_instance(v)) {
        *out = repr_value(T, v);
        return is_undef(*out) ? NAT_ERR : NAT_OK;
    }
    SBuf b = {0};
    repr_default(S, v, &b);
    *out = mkstr(S, b.s, b.n);
    sb_free(&b);
    return NAT_OK;
}

NATIVE(object_eq)
{
    (void)nargs, (void)kw;
    *out = obj_same(args[0], args[1]) ? v_bool(true) : T->S->notimpl;
    return NAT_OK;
}

NATIVE(object_ne)
{
    (void)nargs, (void)kw;
    Value r;
    if (obj_richcmp(T, args[0], args[1], CMP_EQ, &r) < 0) return NAT_ERR;
    int t = obj_truthy(T, r);
    if (t < 0) return NAT_ERR;
    *out = v_bool(!t);
    return NAT_OK;
}

NATIVE(object_hash)
{
    (void)nargs, (void)kw;
    Value v = args[0];
    if (!is_instance(v) && !is_kind(v, K_CLASS) && !is_kind(v, K_FUNC)) {
        /* the builtin types keep their own hash here: (5).__hash__() is 5 */
        int64_t h;
        if (obj_hash(T, v, &h) < 0) return NAT_ERR;
        *out = v_int(h);
        return NAT_OK;
    }
    *out = v_int((int64_t)((uint64_t)obj_id(T->S, v.u.o) * 2654435761u & 0x7FFFFFFFFFFF));
    return NAT_OK;
}

NATIVE(object_delattr)
{
    (void)kw;
    if (nargs != 2 || !(is_instance(args[0]) || obj_is_sub(args[0])) || !is_str(args[1]))
        return exc_raise(T, EXC_TypeError, "bad arguments to object.__delattr__");
    Str *n = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (attr_object_delattr(T, args[0], n) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(object_setattr)
{
    (void)kw;
    if (nargs != 3 || !(is_instance(args[0]) || obj_is_sub(args[0])) || !is_str(args[1]))
        return exc_raise(T, EXC_TypeError, "bad arguments to object.__setattr__");
    Str *n = str_intern(T->S, AS_STR(args[1])->s, (size_t)AS_STR(args[1])->len);
    if (obj_is_sub(args[0])) {
        SubExt *x = obj_sub_ext(args[0].u.o);
        if (!x->attrs) x->attrs = dict_new(T->S);
        dict_set_str(T->S, x->attrs, n, args[2]);
    } else if (attr_object_setattr(T, args[0], n, args[2]) < 0) {
        return NAT_ERR;
    }
    *out = v_none();
    return NAT_OK;
}

/* ---- property ---- */

static int prop_with(Task *T, Value *args, int nargs, Value *out, int which)
{
    if (nargs != 2 || !is_kind(args[0], K_PROPERTY)) return exc_raise(T, EXC_TypeError, "property method takes one function");
    Property *p = (Property *)args[0].u.o;
    Property *q = gc_alloc(T->S, K_PROPERTY, sizeof(Property));
    q->fget = which == 0 ? args[1] : p->fget;
    q->fset = which == 1 ? args[1] : p->fset;
    q->fdel = which == 2 ? args[1] : p->fdel;
    *out = v_obj(q);
    return NAT_OK;
}

NATIVE(prop_getter) { (void)kw; return prop_with(T, args, nargs, out, 0); }
NATIVE(prop_setter) { (void)kw; return prop_with(T, args, nargs, out, 1); }
NATIVE(prop_deleter) { (void)kw; return prop_with(T, args, nargs, out, 2); }

/* ---- the slot dunders of builtin types ----
 * (1).__add__, [].__len__, hasattr(list, "__iter__"): natives that do
 * what the operator does.  The operators themselves never call them
 * (builtin types are dispatched in C); they are there for code that looks
 * dunders up: duck typing, collections.abc, functools.total_ordering. */

/* the builtin function `name`, called with args */
static int call_builtin(Task *T, const char *name, Value *args, int nargs, Value *out)
{
    Value f = dict_get_str(T->S->builtins, str_intern(T->S, name, strlen(name)));
    return vm_call(T, f, args, nargs, NULL, out) < 0 ? NAT_ERR : NAT_OK;
}

/* an operator's TypeError is the dunder's NotImplemented */
static int not_implemented(Task *T, Value *out)
{
    if (!exc_matches(T->S, T->exc, EXC_TypeError)) return NAT_ERR;
    T->exc = v_undef();
    *out = T->S->notimpl;
    return NAT_OK;
}

#define SLOT_ARGS(name, n) \
    if (nat_count(T, name, nargs, kw, (n) + 1, (n) + 1) < 0) return NAT_ERR

NATIVE(slot_len)
{
    SLOT_ARGS("__len__", 0);
    int64_t n;
    if (obj_len(T, args[0], &n) < 0) return NAT_ERR;
    *out = v_int(n);
    return NAT_OK;
}

NATIVE(slot_iter)
{
    SLOT_ARGS("__iter__", 0);
    return obj_iter(T, args[0], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(slot_next)
{
    SLOT_ARGS("__next__", 0);
    int r = obj_next(T, args[0], out);
    if (r < 0) return NAT_ERR;
    if (r == 0) return exc_raise_value(T, exc_new(T, T->S->exc[EXC_StopIteration], NULL, 0));
    return NAT_OK;
}

NATIVE(slot_contains)
{
    SLOT_ARGS("__contains__", 1);
    int r = obj_contains(T, args[0], args[1]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(slot_getitem)
{
    SLOT_ARGS("__getitem__", 1);
    return obj_getitem(T, args[0], args[1], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(slot_setitem)
{
    SLOT_ARGS("__setitem__", 2);
    if (obj_setitem(T, args[0], args[1], args[2]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(slot_delitem)
{
    SLOT_ARGS("__delitem__", 1);
    if (obj_delitem(T, args[0], args[1]) < 0) return NAT_ERR;
    *out = v_none();
    return NAT_OK;
}

NATIVE(slot_reversed)
{
    SLOT_ARGS("__reversed__", 0);
    return call_builtin(T, "reversed", args, 1, out);
}

NATIVE(slot_bool)
{
    SLOT_ARGS("__bool__", 0);
    int r = obj_truthy(T, args[0]);
    if (r < 0) return NAT_ERR;
    *out = v_bool(r);
    return NAT_OK;
}

NATIVE(slot_int) { SLOT_ARGS("__int__", 0); return call_builtin(T, "int", args, 1, out); }
NATIVE(slot_float) { SLOT_ARGS("__float__", 0); return call_builtin(T, "float", args, 1, out); }
NATIVE(slot_abs) { SLOT_ARGS("__abs__", 0); return call_builtin(T, "abs", args, 1, out); }
NATIVE(slot_round) { if (nat_count(T, "__round__", nargs, kw, 1, 2) < 0) return NAT_ERR; return call_builtin(T, "round", args, nargs, out); }
NATIVE(slot_format) { SLOT_ARGS("__format__", 1); return call_builtin(T, "format", args, 2, out); }

NATIVE(slot_index)
{
    SLOT_ARGS("__index__", 0);
    int64_t i;
    if (obj_index(T, args[0], &i, NULL) < 0) return NAT_ERR;
    *out = v_int(i);
    return NAT_OK;
}

NATIVE(slot_call)
{
    if (nat_npos(nargs, kw) < 1) return exc_raise(T, EXC_TypeError, "descriptor '__call__' needs an argument");
    return vm_call(T, args[0], args + 1, nargs - 1, kw, out) < 0 ? NAT_ERR : NAT_OK;
}

static int slot_unary(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, int op)
{
    SLOT_ARGS(name, 0);
    return ops_unary(T, op, args[0], out) < 0 ? NAT_ERR : NAT_OK;
}

NATIVE(slot_neg) { return slot_unary(T, args, nargs, kw, out, "__neg__", OP_UNARY_NEG); }
NATIVE(slot_pos) { return slot_unary(T, args, nargs, kw, out, "__pos__", OP_UNARY_POS); }
NATIVE(slot_invert) { return slot_unary(T, args, nargs, kw, out, "__invert__", OP_UNARY_INVERT); }

/* a binary dunder: the operator, NotImplemented where it raises TypeError
 * (reflected: the operands swapped) */
static int slot_binop(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, int op, bool reflected)
{
    SLOT_ARGS(name, 1);
    int r = reflected ? ops_binop(T, op, args[1], args[0], out) : ops_binop(T, op, args[0], args[1], out);
    return r < 0 ? not_implemented(T, out) : NAT_OK;
}

static int slot_cmp(Task *T, Value *args, int nargs, Tuple *kw, Value *out, const char *name, int op)
{
    SLOT_ARGS(name, 1);
    return obj_richcmp(T, args[0], args[1], op, out) < 0 ? not_implemented(T, out) : NAT_OK;
}

#define SLOT_BIN(cname, pyname, op, refl) \
    NATIVE(cname) { return slot_binop(T, args, nargs, kw, out, pyname, op, refl); }
SLOT_BIN(slot_add, "__add__", BIN_ADD, false)
SLOT_BIN(slot_radd, "__radd__", BIN_ADD, true)
SLOT_BIN(slot_sub, "__sub__", BIN_SUB, false)
SLOT_BIN(slot_rsub, "__rsub__", BIN_SUB, true)
SLOT_BIN(slot_mul, "__mul__", BIN_MUL, false)
SLOT_BIN(slot_rmul, "__rmul__", BIN_MUL, true)
SLOT_BIN(slot_truediv, "__truediv__", BIN_TRUEDIV, false)
SLOT_BIN(slot_rtruediv, "__rtruediv__", BIN_TRUEDIV, true)
SLOT_BIN(slot_floordiv, "__floordiv__", BIN_FLOORDIV, false)
SLOT_BIN(slot_rfloordiv, "__rfloordiv__", BIN_FLOORDIV, true)
SLOT_BIN(slot_mod, "__mod__", BIN_MOD, false)
SLOT_BIN(slot_rmod, "__rmod__", BIN_MOD, true)
SLOT_BIN(slot_pow, "__pow__", BIN_POW, false)
SLOT_BIN(slot_rpow, "__rpow__", BIN_POW, true)
SLOT_BIN(slot_and, "__and__", BIN_AND, false)
SLOT_BIN(slot_or, "__or__", BIN_OR, false)
SLOT_BIN(slot_xor, "__xor__", BIN_XOR, false)
SLOT_BIN(slot_lshift, "__lshift__", BIN_LSHIFT, false)
SLOT_BIN(slot_rshift, "__rshift__", BIN_RSHIFT, false)
SLOT_BIN(slot_sub_set, "__sub__", BIN_SUB, false)

#define SLOT_CMP(cname, pyname, op) \
    NATIVE(cname) { return slot_cmp(T, args, nargs, kw, out, pyname, op); }
SLOT_CMP(slot_lt, "__lt__", CMP_LT)
SLOT_CMP(slot_le, "__le__", CMP_LE)
SLOT_CMP(slot_gt, "__gt__", CMP_GT)
SLOT_CMP(slot_ge, "__ge__", CMP_GE)

enum { SL_SIZED = 1, SL_ITER = 2, SL_NEXT = 4, SL_CONTAINS = 8, SL_GETITEM = 16, SL_SETITEM = 32,
       SL_REVERSED = 64, SL_NUMBER = 128, SL_INTEGRAL = 256, SL_ORDER = 512, SL_CONCAT = 1024,
       SL_CALL = 2048, SL_UNHASHABLE = 4096, SL_SETOPS = 8192 };

static void def_slots(Sim *S, Class *c, int what)
{
    static const struct { int flag; const char *name; NativeFn fn; } slots[] = {
        {SL_SIZED, "__len__", slot_len}, {SL_ITER, "__iter__", slot_iter}, {SL_NEXT, "__iter__", slot_iter},
        {SL_NEXT, "__next__", slot_next}, {SL_CONTAINS, "__contains__", slot_contains},
        {SL_GETITEM, "__getitem__", slot_getitem}, {SL_SETITEM, "__setitem__", slot_setitem},
        {SL_SETITEM, "__delitem__", slot_delitem}, {SL_REVERSED, "__reversed__", slot_reversed},
        {SL_NUMBER, "__bool__", slot_bool}, {SL_NUMBER, "__int__", slot_int}, {SL_NUMBER, "__float__", slot_float},
        {SL_NUMBER, "__abs__", slot_abs}, {SL_NUMBER, "__round__", slot_round}, {SL_NUMBER, "__neg__", slot_neg},
        {SL_NUMBER, "__pos__", slot_pos}, {SL_NUMBER, "__add__", slot_add}, {SL_NUMBER, "__radd__", slot_radd},
        {SL_NUMBER, "__sub__", slot_sub}, {SL_NUMBER, "__rsub__", slot_rsub}, {SL_NUMBER, "__mul__", slot_mul},
        {SL_NUMBER, "__rmul__", slot_rmul}, {SL_NUMBER, "__truediv__", slot_truediv},
        {SL_NUMBER, "__rtruediv__", slot_rtruediv}, {SL_NUMBER, "__floordiv__", slot_floordiv},
        {SL_NUMBER, "__rfloordiv__", slot_rfloordiv}, {SL_NUMBER, "__mod__", slot_mod},
        {SL_NUMBER, "__rmod__", slot_rmod}, {SL_NUMBER, "__pow__", slot_pow}, {SL_NUMBER, "__rpow__", slot_rpow},
        {SL_INTEGRAL, "__index__", slot_index}, {SL_INTEGRAL, "__and__", slot_and}, {SL_INTEGRAL, "__or__", slot_or},
        {SL_INTEGRAL, "__xor__", slot_xor}, {SL_INTEGRAL, "__lshift__", slot_lshift},
        {SL_INTEGRAL, "__rshift__", slot_rshift}, {SL_INTEGRAL, "__invert__", slot_invert},
        {SL_ORDER, "__lt__", slot_lt}, {SL_ORDER, "__le__", slot_le}, {SL_ORDER, "__gt__", slot_gt},
        {SL_ORDER, "__ge__", slot_ge}, {SL_CONCAT, "__add__", slot_add}, {SL_CONCAT, "__mul__", slot_mul},
        {SL_CONCAT, "__rmul__", slot_rmul}, {SL_CALL, "__call__", slot_call},
        {SL_SETOPS, "__and__", slot_and}, {SL_SETOPS, "__or__", slot_or}, {SL_SETOPS, "__xor__", slot_xor},
        {SL_SETOPS, "__sub__", slot_sub_set},
    };
    for (size_t i = 0; i < ARRAY_LEN(slots); i++) {
        if (!(what & slots[i].flag)) continue;
        Str *n = str_intern(S, slots[i].name, strlen(slots[i].name));
        if (!is_undef(dict_get_str(c->dict, n))) continue; /* the type's own */
        nat_def_method(S, c, slots[i].name, slots[i].fn);
    }
    if (what & SL_UNHASHABLE) dict_set_str(S, c->dict, S->sym[SYM_hash], v_none());
    if (!is_undef(dict_get_str(c->dict, S->sym[SYM_format]))) return;
    nat_def_method(S, c, "__format__", slot_format);
}

static void slot_dunders_init(Sim *S)
{
    static const struct { int ty; int what; } types[] = {
        {TY_STR, SL_SIZED | SL_ITER | SL_CONTAINS | SL_GETITEM | SL_ORDER | SL_CONCAT},
        {TY_LIST, SL_SIZED | SL_ITER | SL_CONTAINS | SL_GETITEM | SL_SETITEM | SL_REVERSED | SL_ORDER | SL_CONCAT | SL_UNHASHABLE},
        {TY_TUPLE, SL_SIZED | SL_ITER | SL_CONTAINS | SL_GETITEM | SL_ORDER | SL_CONCAT},
        {TY_DICT, SL_SIZED | SL_ITER | SL_CONTAINS | SL_GETITEM | SL_SETITEM | SL_REVERSED | SL_UNHASHABLE},
        {TY_SET, SL_SIZED | SL_ITER | SL_CONTAINS | SL_ORDER | SL_UNHASHABLE | SL_SETOPS},
        {TY_FROZENSET, SL_SIZED | SL_ITER | SL_CONTAINS | SL_ORDER | SL_SETOPS},
        {TY_RANGE, SL_SIZED | SL_ITER | SL_CONTAINS | SL_GETITEM | SL_REVERSED},
        {TY_DICT_KEYS, SL_SIZED | SL_ITER | SL_CONTAINS | SL_REVERSED | SL_SETOPS},
        {TY_DICT_VALUES, SL_SIZED | SL_ITER | SL_REVERSED},
        {TY_DICT_ITEMS, SL_SIZED | SL_ITER | SL_CONTAINS | SL_REVERSED | SL_SETOPS},
        {TY_ITERATOR, SL_NEXT}, {TY_ENUMERATE, SL_NEXT}, {TY_ZIP, SL_NEXT}, {TY_MAP, SL_NEXT},
        {TY_FILTER, SL_NEXT}, {TY_REVERSED, SL_NEXT},
#define X(k, s) {k, SL_NEXT},
        ITER_TYPE_IDS(X)
#undef X
        {TY_INT, SL_NUMBER | SL_INTEGRAL | SL_ORDER}, {TY_FLOAT, SL_NUMBER | SL_ORDER},
        {TY_FUNCTION, SL_CALL}, {TY_BUILTIN, SL_CALL}, {TY_METHOD, SL_CALL}, {TY_TYPE, SL_CALL},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) def_slots(S, S->types[types[i].ty], types[i].what);
}

/* object.__new__(cls, *args): what super().__new__(cls) reaches */
NATIVE(object_new)
{
    if (nargs < 1 || !is_class(args[0]))
        return exc_raise(T, EXC_TypeError, "object.__new__(X): X is not a type object (%s)", nargs ? obj_type_name(T->S, args[0]) : "nothing");
    return vm_object_new(T, AS_CLASS(args[0]), args + 1, nargs - 1, kw, out) < 0 ? NAT_ERR : NAT_OK;
}

void methods_init(Sim *S)
{
    slot_dunders_init(S);
    Class *c = S->types[TY_STR];
    static const struct { const char *n; NativeFn f; } strm[] = {
        {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip}, {"upper", str_upper},
        {"lower", str_lower}, {"casefold", str_casefold}, {"swapcase", str_swapcase}, {"title", str_title},
        {"capitalize", str_capitalize}, {"isdigit", str_isdigit}, {"isdecimal", str_isdigit},
        {"isnumeric", str_isdigit}, {"isalpha", str_isalpha}, {"isalnum", str_isalnum},
        {"isspace", str_isspace}, {"isupper", str_isupper}, {"islower", str_islower},
        {"isascii", str_isascii}, {"istitle", str_istitle}, {"isidentifier", str_isidentifier},
        {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex},
        {"count", str_count}, {"startswith", str_startswith}, {"endswith", str_endswith},
        {"replace", str_replace}, {"split", str_split}, {"rsplit", str_rsplit},
        {"splitlines", str_splitlines}, {"join", str_join}, {"ljust", str_ljust}, {"rjust", str_rjust},
        {"center", str_center}, {"zfill", str_zfill}, {"partition", str_partition},
        {"rpartition", str_rpartition}, {"removeprefix", str_removeprefix},
        {"removesuffix", str_removesuffix}, {"format", str_format_m}, {"expandtabs", str_expandtabs},
        {"translate", str_translate}, {"isprintable", str_isprintable}, {"format_map", str_format_map},
        {"encode", str_encode},
    };
    for (size_t i = 0; i < ARRAY_LEN(strm); i++) nat_def_method(S, c, strm[i].n, strm[i].f);
    AS_NATIVE(dict_get_str(c->dict, str_intern(S, "join", 4)))->meth_flags |= NF_CONSUMES;
    Native *mt = nat_def_native(S, c->dict, "maketrans", str_maketrans, NF_STATIC);
    mt->owner = c;
    c = S->types[TY_LIST];
    static const struct { const char *n; NativeFn f; } listm[] = {
        {"append", list_append_m}, {"extend", list_extend_m}, {"insert", list_insert_m}, {"pop", list_pop},
        {"remove", list_remove}, {"index", list_index}, {"count", list_count}, {"sort", list_sort},
        {"reverse", list_reverse}, {"copy", list_copy}, {"clear", list_clear},
    };
    for (size_t i = 0; i < ARRAY_LEN(listm); i++) nat_def_method(S, c, listm[i].n, listm[i].f);
    nat_def_method(S, S->types[TY_TUPLE], "index", tuple_index);
    nat_def_method(S, S->types[TY_TUPLE], "count", tuple_count);
    c = S->types[TY_DICT];
    static const struct { const char *n; NativeFn f; } dictm[] = {
        {"keys", dict_keys}, {"values", dict_values}, {"items", dict_items}, {"get", dict_get_m},
        {"pop", dict_pop}, {"popitem", dict_popitem}, {"setdefault", dict_setdefault},
        {"update", dict_update_m}, {"copy", dict_copy_m}, {"clear", dict_clear_m},
    };
    for (size_t i = 0; i < ARRAY_LEN(dictm); i++) nat_def_method(S, c, dictm[i].n, dictm[i].f);
    Native *fk = nat_def_native(S, c->dict, "fromkeys", dict_fromkeys, NF_CLASSMETHOD);
    fk->owner = c;
    static const struct { const char *n; NativeFn f; bool mut; } setm[] = {
        {"add", set_add_m, true}, {"remove", set_remove, true}, {"discard", set_discard_m, true},
        {"pop", set_pop, true}, {"clear", set_clear_m, true}, {"copy", set_copy_m, false},
        {"update", set_update_m, true}, {"union", set_union, false}, {"intersection", set_intersection, false},
        {"difference", set_difference, false}, {"symmetric_difference", set_symdiff, false},
        {"intersection_update", set_intersection_update, true}, {"difference_update", set_difference_update, true},
        {"symmetric_difference_update", set_symdiff_update, true}, {"issubset", set_issubset, false},
        {"issuperset", set_issuperset, false}, {"isdisjoint", set_isdisjoint, false},
    };
    for (size_t i = 0; i < ARRAY_LEN(setm); i++) {
        nat_def_method(S, S->types[TY_SET], setm[i].n, setm[i].f);
        if (!setm[i].mut) nat_def_method(S, S->types[TY_FROZENSET], setm[i].n, setm[i].f);
    }
    nat_def_method(S, S->types[TY_INT], "bit_length", int_bit_length);
    nat_def_method(S, S->types[TY_INT], "bit_count", int_bit_count);
    nat_def_method(S, S->types[TY_INT], "to_bytes", int_to_bytes);
    nat_def_native(S, S->types[TY_INT]->dict, "from_bytes", int_from_bytes, NF_CLASSMETHOD);
    nat_def_method(S, S->types[TY_INT], "conjugate", num_conjugate);
    nat_def_method(S, S->types[TY_FLOAT], "is_integer", float_is_integer);
    nat_def_method(S, S->types[TY_FLOAT], "as_integer_ratio", float_as_integer_ratio);
    nat_def_method(S, S->types[TY_INT], "as_integer_ratio", int_as_integer_ratio);
    nat_def_method(S, S->types[TY_FLOAT], "hex", float_hex);
    Native *fh = nat_def_native(S, S->types[TY_FLOAT]->dict, "fromhex", float_fromhex, NF_CLASSMETHOD);
    fh->owner = S->types[TY_FLOAT];
    nat_def_method(S, S->types[TY_FLOAT], "conjugate", num_conjugate);
    static const struct { int ty; const char *n; NativeFn f; } contm[] = {
        {TY_LIST, "__init__", list_init_d}, {TY_LIST, "__getitem__", list_getitem_d},
        {TY_LIST, "__setitem__", list_setitem_d}, {TY_LIST, "__delitem__", list_delitem_d},
        {TY_LIST, "__contains__", list_contains_d}, {TY_LIST, "__len__", list_len_d},
        {TY_LIST, "__iter__", list_iter_d}, {TY_LIST, "__repr__", list_repr_d},
        {TY_DICT, "__init__", dict_init_d}, {TY_DICT, "__getitem__", dict_getitem_d},
        {TY_DICT, "__setitem__", dict_setitem_d}, {TY_DICT, "__delitem__", dict_delitem_d},
        {TY_DICT, "__contains__", dict_contains_d}, {TY_DICT, "__len__", dict_len_d},
        {TY_DICT, "__iter__", dict_iter_d}, {TY_DICT, "__repr__", dict_repr_d},
        {TY_SET, "__init__", set_init_d}, {TY_SET, "__contains__", set_contains_d}, {TY_SET, "__len__", set_len_d},
        {TY_SET, "__iter__", set_iter_d}, {TY_SET, "__repr__", set_repr_d},
    };
    for (size_t i = 0; i < ARRAY_LEN(contm); i++) nat_def_method(S, S->types[contm[i].ty], contm[i].n, contm[i].f);
    c = S->types[TY_OBJECT];
    nat_def_native(S, c->dict, "__new__", object_new, NF_STATIC)->owner = c;
    nat_def_method(S, c, "__init__", object_init);
    nat_def_method(S, c, "__repr__", object_repr);
    nat_def_method(S, c, "__str__", object_repr);
    nat_def_method(S, c, "__eq__", object_eq);
    nat_def_method(S, c, "__ne__", object_ne);
    nat_def_method(S, c, "__hash__", object_hash);
    nat_def_method(S, c, "__setattr__", object_setattr);
    nat_def_method(S, c, "__delattr__", object_delattr);
    c = S->types[TY_PROPERTY];
    nat_def_method(S, c, "getter", prop_getter);
    nat_def_method(S, c, "setter", prop_setter);
    nat_def_method(S, c, "deleter", prop_deleter);
}
