/* format.c - float repr, format specs, %-formatting and str.format, with
 * CPython's output and error messages. */
#include "format.h"
#include "bigint.h"
#include "attr.h"
#include "obj.h"
#include "repr.h"
#include "str.h"
#include "unicode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- float repr ---- */

/* Shortest digits that round-trip, the nearest to d among them, as
 * CPython's repr (David Gay's mode 0): digits into dg (no dot), *decpt the
 * position of the decimal point relative to the digits.  At each length the
 * correctly rounded digits come first; when they do not read back as d, the
 * digits one unit away on d's other side may (d half-way between two
 * shorter decimals). */
static void shortest_digits(double d, char *dg, int *ndg, int *decpt, bool *neg)
{
    char tmp[48], digits[24];
    double a = fabs(d);
    int nd = 0, dp = 0;
    *neg = signbit(d) != 0;
    for (int p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, a);
        const char *q = tmp;
        nd = 0;
        for (; *q && *q != 'e'; q++)
            if (*q != '.') digits[nd++] = *q;
        digits[nd] = 0;
        int e = atoi(q + 1);
        dp = e + 1;
        if (strtod(tmp, NULL) == a || p == 17) break;
        unsigned long long m = strtoull(digits, NULL, 10);
        bool found = false;
        for (int delta = -1; delta <= 1 && !found; delta += 2) {
            unsigned long long c = m + (unsigned long long)(long long)delta;
            if (!c) continue;
            char cand[48];
            snprintf(cand, sizeof cand, "%llue%d", c, e - (p - 1));
            if (strtod(cand, NULL) != a) continue;
            int cn = snprintf(digits, sizeof digits, "%llu", c);
            dp = e + 1 + (cn - p);
            nd = cn;
            found = true;
        }
        if (found) break;
    }
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    memcpy(dg, digits, (size_t)nd);
    dg[nd] = 0;
    *ndg = nd;
    *decpt = dp;
}

void format_float_repr(double d, char *buf, size_t n)
{
    if (isnan(d)) {
        snprintf(buf, n, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, n, d > 0 ? "inf" : "-inf");
        return;
    }
    if (d == 0) {
        snprintf(buf, n, signbit(d) ? "-0.0" : "0.0");
        return;
    }
    char dg[40];
    int nd, decpt;
    bool neg;
    shortest_digits(d, dg, &nd, &decpt, &neg);
    SBuf b = {0};
    if (neg) sb_putc(&b, '-');
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            sb_puts(&b, "0.");
            for (int i = 0; i < -decpt; i++) sb_putc(&b, '0');
            sb_put(&b, dg, (size_t)nd);
        } else if (decpt >= nd) {
            sb_put(&b, dg, (size_t)nd);
            for (int i = nd; i < decpt; i++) sb_putc(&b, '0');
            sb_puts(&b, ".0");
        } else {
            sb_put(&b, dg, (size_t)decpt);
            sb_putc(&b, '.');
            sb_put(&b, dg + decpt, (size_t)(nd - decpt));
        }
    } else {
        sb_putc(&b, dg[0]);
        if (nd > 1) {
            sb_putc(&b, '.');
            sb_put(&b, dg + 1, (size_t)(nd - 1));
        }
        int e = decpt - 1;
        sb_printf(&b, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    snprintf(buf, n, "%s", b.s);
    sb_free(&b);
}

/* ---- format spec ---- */

typedef struct Spec {
    char fill[5];      /* UTF-8 fill character */
    char align;        /* '<' '>' '^' '=' or 0 */
    char sign;         /* '+' '-' ' ' or 0 */
    bool alt;          /* '#' */
    bool negzero;      /* 'z' */
    bool zero;
    int64_t width;     /* -1 none */
    char grouping;     /* ',' '_' or 0 */
    int64_t prec;      /* -1 none */
    char type;         /* 0 none */
} Spec;

static int parse_spec(Task *T, const char *s, size_t n, Spec *sp, const char *tname)
{
    memset(sp, 0, sizeof *sp);
    sp->width = sp->prec = -1;
    size_t i = 0;
    /* fill may be any character (UTF-8) followed by an align char */
    size_t cl = 1;
    if (n && ((unsigned char)s[0] & 0xC0) == 0xC0) {
        while (cl < n && ((unsigned char)s[cl] & 0xC0) == 0x80) cl++;
    }
    if (n > cl && strchr("<>^=", s[cl])) {
        memcpy(sp->fill, s, cl);
        sp->align = s[cl];
        i = cl + 1;
    } else if (n && strchr("<>^=", s[0])) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && strchr("+- ", s[i])) sp->sign = s[i++];
    if (i < n && s[i] == 'z') sp->negzero = true, i++;
    if (i < n && s[i] == '#') sp->alt = true, i++;
    if (i < n && s[i] == '0') sp->zero = true, i++;
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        sp->width = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->width = sp->width * 10 + (s[i++] - '0');
            if (sp->width > 100000) return exc_raise(T, EXC_ValueError, "Too many decimal digits in format string");
        }
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) sp->grouping = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return exc_raise(T, EXC_ValueError, "Format specifier missing precision");
        sp->prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->prec = sp->prec * 10 + (s[i++] - '0');
            if (sp->prec > 100000) return exc_raise(T, EXC_ValueError, "Too many decimal digits in format string");
        }
    }
    if (i < n) sp->type = s[i++];
    if (i < n) return exc_raise(T, EXC_ValueError, "Invalid format specifier '%.*s' for object of type '%s'", (int)n, s, tname);
    return 0;
}

/* k copies of the fill character (UTF-8); a buffer cut at its bound
 * stops the loop (a %-width may reach the limit of a single object). */
static void put_fill(SBuf *out, const char *fill, int64_t k)
{
    size_t fl = strlen(fill);
    if (fl == 1) {
        if (k > 0) sb_fill(out, fill[0], (size_t)k);
        return;
    }
    for (int64_t i = 0; i < k && !out->over; i++) sb_put(out, fill, fl);
}

/* Pad body (sign/prefix already split out for '=' alignment). */
static void emit_padded(SBuf *out, const Spec *sp, const char *prefix, const char *body, size_t blen, char def_align)
{
    size_t plen = strlen(prefix);
    int64_t chars = uc_count(prefix, plen) + uc_count(body, blen);
    int64_t pad = sp->width > chars ? sp->width - chars : 0;
    char align = sp->align ? sp->align : def_align;
    const char *fill = sp->fill[0] ? sp->fill : " ";
    if (sp->zero && !sp->align) {
        align = '=';
        if (!sp->fill[0]) fill = "0";
    }
    int64_t left = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': break;
    default: left = pad; break;
    }
    put_fill(out, fill, left);
    sb_put(out, prefix, plen);
    if (align == '=') put_fill(out, fill, pad);
    sb_put(out, body, blen);
    put_fill(out, fill, right);
}

/* Insert grouping separators every `every` digits into the integer part. */
static void group_digits(const char *digits, size_t n, char sep, int every, SBuf *out)
{
    size_t first = n % (size_t)every;
    if (first == 0) first = (size_t)every;
    sb_put(out, digits, first > n ? n : first);
    for (size_t i = first; i < n; i += (size_t)every) {
        sb_putc(out, sep);
        sb_put(out, digits + i, (size_t)every);
    }
}

/* The digits of |v| in base. */
static int int_digits(Task *T, Value v, int base, bool upper, SBuf *out)
{
    if (is_bigint(v)) return bigint_write(T, v, base, upper, out);
    char tmp[80];
    int n = 0;
    uint64_t u = v.u.i < 0 ? (uint64_t)0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = dig[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    while (n) sb_putc(out, tmp[--n]);
    return 0;
}

int format_int_text(Task *T, Value v, int base, bool upper, const char *prefix, SBuf *out)
{
    if (bigint_sign(v) < 0) sb_putc(out, '-');
    sb_puts(out, prefix);
    return int_digits(T, v, base, upper, out);
}

static int format_float_spec(Task *T, double d, Spec *sp, SBuf *out, bool from_int);

static int format_int_spec(Task *T, Value v, Spec *sp, SBuf *out)
{
    char type = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", type)) {
        double d;
        if (bigint_to_double(T, v, &d) < 0) return -1;
        return format_float_spec(T, d, sp, out, true);
    }
    if (sp->prec >= 0) return exc_raise(T, EXC_ValueError, "Precision not allowed in integer format specifier");
    if (sp->negzero) return exc_raise(T, EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    int base;
    const char *pfx = "";
    switch (type) {
    case 'd': case 'n': base = 10; break;
    case 'x': base = 16; pfx = "0x"; break;
    case 'X': base = 16; pfx = "0X"; break;
    case 'o': base = 8; pfx = "0o"; break;
    case 'b': base = 2; pfx = "0b"; break;
    case 'c': {
        if (is_bigint(v)) return exc_raise(T, EXC_OverflowError, "Python int too large to convert to C long");
        if (v.u.i < 0 || v.u.i > 0x10FFFF) return exc_raise(T, EXC_OverflowError, "%%c arg not in range(0x110000)");
        char enc[4];
        int en = uc_encode((uint32_t)v.u.i, enc);
        SBuf tmp = {0};
        sb_put(&tmp, enc, (size_t)en);
        emit_padded(out, sp, "", tmp.s, tmp.n, '<');
        sb_free(&tmp);
        return 0;
    }
    default:
        return exc_raise(T, EXC_ValueError, "Unknown format code '%c' for object of type 'int'", type);
    }
    SBuf digits = {0};
    if (int_digits(T, v, base, type == 'X', &digits) < 0) {
        sb_free(&digits);
        return -1;
    }
    char prefix[8] = "";
    size_t pn = 0;
    if (bigint_sign(v) < 0) prefix[pn++] = '-';
    else if (sp->sign == '+') prefix[pn++] = '+';
    else if (sp->sign == ' ') prefix[pn++] = ' ';
    if (sp->alt) {
        memcpy(prefix + pn, pfx, strlen(pfx));
        pn += strlen(pfx);
    }
    prefix[pn] = 0;
    SBuf body = {0};
    if (sp->grouping) {
        int every = base == 10 ? 3 : 4;
        if (sp->grouping == ',' && base != 10)
            return sb_free(&digits), exc_raise(T, EXC_ValueError, "Cannot specify ',' with '%c'.", type);
        /* zero padding counts towards grouping, as in CPython */
        if ((sp->zero && !sp->align) || sp->align == '=') {
            int64_t want = sp->width - (int64_t)pn;
            SBuf padded = {0};
            int64_t nd = (int64_t)digits.n;
            /* grow digits with leading zeros until grouped width reaches want */
            while (nd + (nd - 1) / every < want) nd++;
            for (int64_t i = (int64_t)digits.n; i < nd; i++) sb_putc(&padded, '0');
            sb_put(&padded, digits.s, digits.n);
            group_digits(padded.s, padded.n, sp->grouping, every, &body);
            sb_free(&padded);
        } else {
            group_digits(digits.s, digits.n, sp->grouping, every, &body);
        }
    } else {
        sb_put(&body, digits.s, digits.n);
    }
    emit_padded(out, sp, prefix, body.s ? body.s : "", body.n, '>');
    sb_free(&digits);
    sb_free(&body);
    return 0;
}

static int format_float_spec(Task *T, double d, Spec *sp, SBuf *out, bool from_int)
{
    char type = sp->type;
    if (type && !strchr("eEfFgG%", type))
        return exc_raise(T, EXC_ValueError, "Unknown format code '%c' for object of type '%s'", type, from_int ? "int" : "float");
    char buf[512];
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    int64_t prec = sp->prec;
    if (prec > 400) prec = 400;
    if (isnan(d) || isinf(d)) {
        const char *t = isnan(d) ? "nan" : "inf";
        if (type == 'E' || type == 'F' || type == 'G') t = isnan(d) ? "NAN" : "INF";
        snprintf(buf, sizeof buf, "%s%s", t, type == '%' ? "%" : "");
    } else if (!type) {
        if (prec < 0) {
            format_float_repr(a, buf, sizeof buf);
        } else {
            int p = prec == 0 ? 1 : (int)prec;
            snprintf(buf, sizeof buf, sp->alt ? "%#.*g" : "%.*g", p, a);
            /* like 'g', but fixed-point keeps one digit after the point */
            if (!strchr(buf, '.') && !strchr(buf, 'e') && !strchr(buf, 'n') && !strchr(buf, 'i'))
                strcat(buf, ".0");
        }
    } else {
        int p = prec < 0 ? 6 : (int)prec;
        switch (type) {
        case 'f': case 'F': snprintf(buf, sizeof buf, sp->alt ? "%#.*f" : "%.*f", p, a); break;
        case 'e': snprintf(buf, sizeof buf, sp->alt ? "%#.*e" : "%.*e", p, a); break;
        case 'E': snprintf(buf, sizeof buf, sp->alt ? "%#.*E" : "%.*E", p, a); break;
        case 'g': snprintf(buf, sizeof buf, sp->alt ? "%#.*g" : "%.*g", p == 0 ? 1 : p, a); break;
        case 'G': snprintf(buf, sizeof buf, sp->alt ? "%#.*G" : "%.*G", p == 0 ? 1 : p, a); break;
        case '%': snprintf(buf, sizeof buf, sp->alt ? "%#.*f%%" : "%.*f%%", p, a * 100); break;
        }
    }
    char prefix[4] = "";
    size_t pn = 0;
    if (neg) prefix[pn++] = '-';
    else if (sp->sign == '+') prefix[pn++] = '+';
    else if (sp->sign == ' ') prefix[pn++] = ' ';
    prefix[pn] = 0;
    SBuf body = {0};
    if (sp->grouping && !isnan(d) && !isinf(d)) {
        size_t intlen = strspn(buf, "0123456789");
        if ((sp->zero && !sp->align) || sp->align == '=') {
            int64_t want = sp->width - (int64_t)pn - (int64_t)(strlen(buf) - intlen);
            int64_t nd = (int64_t)intlen;
            while (nd + (nd - 1) / 3 < want) nd++;
            SBuf padded = {0};
            for (int64_t i = (int64_t)intlen; i < nd; i++) sb_putc(&padded, '0');
            sb_put(&padded, buf, intlen);
            group_digits(padded.s, padded.n, sp->grouping, 3, &body);
            sb_free(&padded);
        } else {
            group_digits(buf, intlen, sp->grouping, 3, &body);
        }
        sb_puts(&body, buf + intlen);
    } else {
        sb_puts(&body, buf);
    }
    emit_padded(out, sp, prefix, body.s, body.n, '>');
    sb_free(&body);
    return 0;
}

static int format_str_spec(Task *T, Str *s, Spec *sp, SBuf *out)
{
    if (sp->type && sp->type != 's')
        return exc_raise(T, EXC_ValueError, "Unknown format code '%c' for object of type 'str'", sp->type);
    if (sp->sign) return exc_raise(T, EXC_ValueError, "Sign not allowed in string format specifier");
    if (sp->align == '=') return exc_raise(T, EXC_ValueError, "'=' alignment not allowed in string format specifier");
    size_t n = (size_t)s->len;
    if (sp->prec >= 0 && sp->prec < s->clen) n = (size_t)str_byte_offset(s, sp->prec);
    Spec sp2 = *sp;
    if (sp2.zero && !sp2.align) {
        sp2.zero = false;
        sp2.align = '<';
        if (!sp2.fill[0]) strcpy(sp2.fill, "0");
    }
    emit_padded(out, &sp2, "", s->s, n, '<');
    return 0;
}

/* A user class's __format__(spec). */
static int user_format(Task *T, Value m, Value v, const char *spec, size_t n, SBuf *out)
{
    Sim *S = T->S;
    Value args[2] = {v, str_value_n(S, spec, n)}, r;
    if (vm_call(T, m, args, 2, NULL, &r) < 0) return -1;
    if (!is_str(r)) return exc_raise(T, EXC_TypeError, "__format__ must return a str, not %s", obj_type_name(S, r));
    sb_put(out, AS_STR(r)->s, (size_t)AS_STR(r)->len);
    return 0;
}

int format_value(Task *T, Value v, const char *spec, size_t n, SBuf *out)
{
    Sim *S = T->S;
    if (n == 0) {
        if (is_str(v)) {
            sb_put(out, AS_STR(v)->s, (size_t)AS_STR(v)->len);
            return 0;
        }
        if (is_instance(v)) {
            Value m = obj_type_dunder(S, v, SYM_format);
            if (!is_undef(m)) return user_format(T, m, v, spec, n, out);
        }
        return repr_write_str(T, v, out);
    }
    Spec sp;
    switch (v.tag) {
    case V_INT:
        if (parse_spec(T, spec, n, &sp, "int") < 0) return -1;
        return format_int_spec(T, v, &sp, out);
    case V_BOOL:
        /* a non-empty spec formats a bool as the int it is */
        if (parse_spec(T, spec, n, &sp, "bool") < 0) return -1;
        return format_int_spec(T, v_int(v.u.i), &sp, out);
    case V_FLOAT:
        if (parse_spec(T, spec, n, &sp, "float") < 0) return -1;
        if (sp.type == 'n') sp.type = 'g';
        return format_float_spec(T, v.u.f, &sp, out, false);
    default: break;
    }
    if (is_str(v)) {
        if (parse_spec(T, spec, n, &sp, "str") < 0) return -1;
        return format_str_spec(T, AS_STR(v), &sp, out);
    }
    if (is_bigint(v)) {
        if (parse_spec(T, spec, n, &sp, "int") < 0) return -1;
        return format_int_spec(T, v, &sp, out);
    }
    if (is_instance(v)) {
        Value m = obj_type_dunder(S, v, SYM_format);
        if (!is_undef(m)) return user_format(T, m, v, spec, n, out);
    }
    if (is_none(v) || is_obj(v)) {
        /* object.__format__: only the empty spec is allowed */
        return exc_raise(T, EXC_TypeError, "unsupported format string passed to %s.__format__", obj_type_name(S, v));
    }
    return repr_write_str(T, v, out);
}

/* ---- % formatting ---- */

/* The int a %d, %x... conversion formats (a float truncates for %d). */
static int pct_int(Task *T, Value v, char conv, Value *out)
{
    if (is_intlike(v)) {
        *out = v_int(v.u.i);
        return 0;
    }
    if (is_bigint(v)) {
        *out = v;
        return 0;
    }
    if (is_float(v) && (conv == 'd' || conv == 'i' || conv == 'u')) return bigint_from_double(T, v.u.f, out);
    if (conv == 'd' || conv == 'i' || conv == 'u')
        return exc_raise(T, EXC_TypeError, "%%%c format: a real number is required, not %s", conv, obj_type_name(T->S, v));
    return exc_raise(T, EXC_TypeError, "%%%c format: an integer is required, not %s", conv, obj_type_name(T->S, v));
}

int format_percent(Task *T, Str *fmt, Value args, Value *out)
{
    Sim *S = T->S;
    Value *av = &args;
    int64_t an = 1, ai = 0;
    bool is_map = false;
    if (is_tuple(args)) {
        av = AS_TUPLE(args)->v;
        an = AS_TUPLE(args)->n;
    } else if (is_dict(args) || (is_instance(args) && !is_undef(obj_type_dunder(S, args, SYM_getitem)))) {
        is_map = true;
    }
    bool used_map = false;
    SBuf b = STR_BUF;
    const char *p = fmt->s, *end = fmt->s + fmt->len;
    while (p < end) {
        const char *pc = memchr(p, '%', (size_t)(end - p));
        if (!pc) {
            sb_put(&b, p, (size_t)(end - p));
            break;
        }
        sb_put(&b, p, (size_t)(pc - p));
        p = pc + 1;
        if (p >= end) {
            sb_free(&b);
            return exc_raise(T, EXC_ValueError, "incomplete format");
        }
        Value arg = v_undef();
        bool have_arg = false;
        if (*p == '(') {
            if (!is_map) {
                sb_free(&b);
                return exc_raise(T, EXC_TypeError, "format requires a mapping");
            }
            const char *k = ++p;
            int depth = 1;
            while (p < end && depth) {
                if (*p == '(') depth++;
                else if (*p == ')') depth--;
                if (depth) p++;
            }
            if (p >= end) {
                sb_free(&b);
                return exc_raise(T, EXC_ValueError, "incomplete format key");
            }
            Value key = str_value_n(S, k, (size_t)(p - k));
            p++;
            if (obj_getitem(T, args, key, &arg) < 0) {
                sb_free(&b);
                return -1;
            }
            have_arg = true;
            used_map = true;
        }
        Spec sp;
        memset(&sp, 0, sizeof sp);
        sp.width = sp.prec = -1;
        bool left = false;
        for (; p < end && strchr("-+ #0", *p); p++) {
            if (*p == '-') left = true;
            else if (*p == '+') sp.sign = '+';
            else if (*p == ' ' && sp.sign != '+') sp.sign = ' ';
            else if (*p == '#') sp.alt = true;
            else if (*p == '0') sp.zero = true;
        }
        if (p < end && *p == '*') {
            p++;
            if (ai >= an || !is_intlike(av[ai])) {
                sb_free(&b);
                return exc_raise(T, EXC_TypeError, "* wants int");
            }
            sp.width = av[ai++].u.i;
            if (sp.width > 100000 || sp.width < -100000) {
                sb_free(&b);
                return exc_raise(T, EXC_ValueError, "width too big");
            }
            if (sp.width < 0) left = true, sp.width = -sp.width;
        } else {
            /* saturating: a width past the object limit is a MemoryError */
            while (p < end && *p >= '0' && *p <= '9') {
                sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (*p++ - '0');
                if (sp.width > MAX_ITEMS) sp.width = MAX_ITEMS + 1;
            }
            if (sp.width > 0 && obj_check_size(T, sp.width) < 0) {
                sb_free(&b);
                return -1;
            }
        }
        if (p < end && *p == '.') {
            p++;
            sp.prec = 0;
            if (p < end && *p == '*') {
                p++;
                if (ai >= an || !is_intlike(av[ai])) {
                    sb_free(&b);
                    return exc_raise(T, EXC_TypeError, "* wants int");
                }
                sp.prec = av[ai++].u.i;
            } else {
                while (p < end && *p >= '0' && *p <= '9') {
                    sp.prec = sp.prec * 10 + (*p++ - '0');
                    if (sp.prec > MAX_ITEMS) sp.prec = MAX_ITEMS + 1;
                }
                if (obj_check_size(T, sp.prec) < 0) {
                    sb_free(&b);
                    return -1;
                }
            }
        }
        while (p < end && (*p == 'l' || *p == 'h' || *p == 'L')) p++;
        if (p >= end) {
            sb_free(&b);
            return exc_raise(T, EXC_ValueError, "incomplete format");
        }
        char conv = *p++;
        if (conv == '%') {
            sb_putc(&b, '%');
            continue;
        }
        if (!have_arg) {
            if (is_map) {
                arg = args;
            } else {
                if (ai >= an) {
                    sb_free(&b);
                    return exc_raise(T, EXC_TypeError, "not enough arguments for format string");
                }
                arg = av[ai++];
            }
        }
        if (left) sp.align = '<';
        int r = 0;
        switch (conv) {
        case 's': case 'r': case 'a': {
            Value s = conv == 's' ? repr_str(T, arg) : conv == 'r' ? repr_value(T, arg) : repr_ascii(T, arg);
            if (is_undef(s)) {
                sb_free(&b);
                return -1;
            }
            sp.zero = false;
            if (!sp.align) sp.align = '>';
            r = format_str_spec(T, AS_STR(s), &sp, &b);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            Value iv;
            if (pct_int(T, arg, conv, &iv) < 0) {
                sb_free(&b);
                return -1;
            }
            sp.type = conv == 'i' || conv == 'u' ? 'd' : conv;
            if (sp.zero && left) sp.zero = false;
            int64_t prec = sp.prec;
            sp.prec = -1;
            if (prec > 0) {
                /* %.3d: minimum digits */
                SBuf dg = {0};
                if (int_digits(T, iv, conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10, conv == 'X', &dg) < 0) {
                    sb_free(&dg);
                    sb_free(&b);
                    return -1;
                }
                SBuf body = {0};
                if (prec > (int64_t)dg.n) sb_fill(&body, '0', (size_t)(prec - (int64_t)dg.n));
                sb_put(&body, dg.s, dg.n);
                char pre[8] = "";
                if (bigint_sign(iv) < 0) strcpy(pre, "-");
                else if (sp.sign) pre[0] = sp.sign, pre[1] = 0;
                if (sp.alt && conv != 'd' && conv != 'i' && conv != 'u')
                    strcat(pre, conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X");
                emit_padded(&b, &sp, pre, body.s, body.n, '>');
                sb_free(&dg);
                sb_free(&body);
            } else {
                r = format_int_spec(T, iv, &sp, &b);
            }
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double dv;
            if (is_float(arg)) dv = arg.u.f;
            else if (bigint_is_int(arg)) {
                if (bigint_to_double(T, arg, &dv) < 0) {
                    sb_free(&b);
                    return -1;
                }
            } else {
                sb_free(&b);
                return exc_raise(T, EXC_TypeError, "must be real number, not %s", obj_type_name(S, arg));
            }
            sp.type = conv;
            if (sp.prec < 0) sp.prec = 6;
            if (sp.zero && left) sp.zero = false;
            r = format_float_spec(T, dv, &sp, &b, false);
            break;
        }
        case 'c': {
            if (is_str(arg) && AS_STR(arg)->clen == 1) {
                sp.zero = false;
                if (!sp.align) sp.align = '>';
                r = format_str_spec(T, AS_STR(arg), &sp, &b);
            } else if (is_bigint(arg)) {
                sb_free(&b);
                return exc_raise(T, EXC_OverflowError, "%%c arg not in range(0x110000)");
            } else if (is_intlike(arg)) {
                sp.type = 'c';
                if (!sp.align) sp.align = '>';
                r = format_int_spec(T, v_int(arg.u.i), &sp, &b);
            } else {
                sb_free(&b);
                return exc_raise(T, EXC_TypeError, "%%c requires int or char");
            }
            break;
        }
        default:
            sb_free(&b);
            return exc_raise(T, EXC_ValueError, "unsupported format character '%c' (0x%x) at index %d", conv,
                            (unsigned char)conv, (int)(p - fmt->s - 1));
        }
        if (r < 0 || obj_cut(T, &b) < 0) {
            sb_free(&b);
            return -1;
        }
    }
    if (!is_map && ai < an && !used_map) {
        sb_free(&b);
        return exc_raise(T, EXC_TypeError, "not all arguments converted during string formatting");
    }
    return str_from_buf(T, &b, out);
}

/* ---- str.format ---- */

static int lookup_field(Task *T, const char *f, size_t n, Value *args, int nargs, Tuple *kwnames,
                        int *auto_idx, Value map, Value *out)
{
    Sim *S = T->S;
    int npos = nargs - (kwnames ? (int)kwnames->n : 0);
    size_t i = 0;
    while (i < n && f[i] != '.' && f[i] != '[') i++;
    if (i == 0) {
        if (*auto_idx < 0) return exc_raise(T, EXC_ValueError, "cannot switch from manual field specification to automatic field numbering");
        int k = (*auto_idx)++;
        if (k >= npos) return exc_raise(T, EXC_IndexError, "Replacement index %d out of range for positional args tuple", k);
        *out = args[k];
    } else if (f[0] >= '0' && f[0] <= '9') {
        if (*auto_idx > 0) return exc_raise(T, EXC_ValueError, "cannot switch from automatic field numbering to manual field specification");
        *auto_idx = -1;
        int k = atoi(f);
        if (k >= npos) return exc_raise(T, EXC_IndexError, "Replacement index %d out of range for positional args tuple", k);
        *out = args[k];
    } else if (!is_undef(map)) {
        /* format_map: the name is looked up in the mapping */
        if (obj_getitem(T, map, str_value_n(S, f, i), out) < 0) return -1;
    } else {
        bool found = false;
        for (int k = 0; kwnames && k < (int)kwnames->n; k++) {
            Str *kn = AS_STR(kwnames->v[k]);
            if ((size_t)kn->len == i && memcmp(kn->s, f, i) == 0) {
                *out = args[npos + k];
                found = true;
                break;
            }
        }
        if (!found) {
            Value key = str_value_n(S, f, i);
            return exc_raise_value(T, exc_new(T, S->exc[EXC_KeyError], &key, 1));
        }
    }
    while (i < n) {
        if (f[i] == '.') {
            size_t j = ++i;
            while (i < n && f[i] != '.' && f[i] != '[') i++;
            Str *name = str_intern(S, f + j, i - j);
            if (attr_get(T, *out, name, out) < 0) return -1;
        } else {
            size_t j = ++i;
            while (i < n && f[i] != ']') i++;
            Value key;
            bool digits = i > j;
            for (size_t k = j; k < i; k++)
                if (f[k] < '0' || f[k] > '9') digits = false;
            key = digits ? v_int(atoll(f + j)) : str_value_n(S, f + j, i - j);
            if (obj_getitem(T, *out, key, out) < 0) return -1;
            i++;
        }
    }
    return 0;
}

static int format_fields(Task *T, const char *s, size_t n, Value *args, int nargs, Tuple *kwnames,
                         int *auto_idx, Value map, SBuf *out, int depth)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') {
            sb_putc(out, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') {
            sb_putc(out, '}');
            i += 2;
            continue;
        }
        if (c == '}') return exc_raise(T, EXC_ValueError, "Single '}' encountered in format string");
        if (c != '{') {
            sb_putc(out, c);
            i++;
            continue;
        }
        size_t j = i + 1, fe = 0, ce = 0, se = 0;
        int nest = 0;
        for (; j < n; j++) {
            if (s[j] == '{') nest++;
            else if (s[j] == '}') {
                if (nest == 0) break;
                nest--;
            }
        }
        if (j >= n) return exc_raise(T, EXC_ValueError, "expected '}' before end of string");
        /* field [!conv] [:spec] */
        size_t k = i + 1;
        while (k < j && s[k] != '!' && s[k] != ':') k++;
        fe = k;
        char conv = 0;
        if (k < j && s[k] == '!') {
            conv = k + 1 < j ? s[k + 1] : 0;
            k += 2;
            if (!conv || (conv != 'r' && conv != 's' && conv != 'a'))
                return exc_raise(T, EXC_ValueError, "Unknown conversion specifier %c", conv ? conv : '?');
        }
        ce = k;
        (void)ce;
        Value v;
        if (lookup_field(T, s + i + 1, fe - (i + 1), args, nargs, kwnames, auto_idx, map, &v) < 0) return -1;
        if (conv) {
            v = conv == 's' ? repr_str(T, v) : repr_value(T, v);
            if (is_undef(v)) return -1;
        }
        SBuf spec = {0};
        if (k < j && s[k] == ':') {
            se = k + 1;
            if (depth > 1) return exc_raise(T, EXC_ValueError, "Max string recursion exceeded");
            if (format_fields(T, s + se, j - se, args, nargs, kwnames, auto_idx, map, &spec, depth + 1) < 0) {
                sb_free(&spec);
                return -1;
            }
        }
        int r = format_value(T, v, spec.s ? spec.s : "", spec.n, out);
        sb_free(&spec);
        if (r < 0 || obj_cut(T, out) < 0) return -1;
        i = j + 1;
    }
    return 0;
}

int format_str_format(Task *T, Str *fmt, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    SBuf b = STR_BUF;
    int auto_idx = 0;
    if (format_fields(T, fmt->s, (size_t)fmt->len, args, nargs, kwnames, &auto_idx, v_undef(), &b, 0) < 0) {
        sb_free(&b);
        return -1;
    }
    return str_from_buf(T, &b, out);
}

int format_str_format_map(Task *T, Str *fmt, Value map, Value *out)
{
    SBuf b = STR_BUF;
    int auto_idx = 0;
    if (format_fields(T, fmt->s, (size_t)fmt->len, NULL, 0, NULL, &auto_idx, map, &b, 0) < 0) {
        sb_free(&b);
        return -1;
    }
    return str_from_buf(T, &b, out);
}
