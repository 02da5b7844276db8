/* freeze.c - compiled code objects to bytes and back.
 *
 * The simulated library's Python parts (sim/py) were lexed, parsed and
 * compiled by every run that imported them: an asyncio program spent 16.6M
 * of its 18.7M instructions compiling asyncio.py and what it imports.
 * CPython freezes its start-up modules for the same reason.  So the build
 * runs our own compiler over them once (sim/tool/freeze.c) and writes each
 * module's code out in this format, as C data linked into the program;
 * an import then only rebuilds the code objects from it.
 *
 * The format is a byte stream of unsigned LEB128 numbers (signed ones
 * zigzagged), strings as a length and bytes, and each code object's
 * fields in order, then its nested code objects.  Line numbers are stored
 * as differences, so most take a byte.  Only the constants the compiler
 * makes from literals are carried; code with another kind (bytes, whose
 * type is the library's; ints past 64 bits) is refused when frozen and
 * compiled at run time as before. */
#include "freeze.h"
#include "str.h"
#include "tuple.h"

#include <stdlib.h>
#include <string.h>

enum { FZ_NONE, FZ_FALSE, FZ_TRUE, FZ_INT, FZ_FLOAT, FZ_STR, FZ_ELLIPSIS, FZ_TUPLE };

/* ---- writing ---- */

static void put_u(SBuf *b, uint64_t v)
{
    while (v >= 0x80) {
        sb_putc(b, (char)(v | 0x80));
        v >>= 7;
    }
    sb_putc(b, (char)v);
}

static void put_i(SBuf *b, int64_t v) { put_u(b, (uint64_t)v << 1 ^ (0 - ((uint64_t)v >> 63))); }

static void put_str(SBuf *b, const Str *s)
{
    put_u(b, (uint64_t)s->len);
    sb_put(b, s->s, (size_t)s->len);
}

static bool put_const(Sim *S, SBuf *b, Value v)
{
    switch (v.tag) {
    case V_NONE: put_u(b, FZ_NONE); return true;
    case V_BOOL: put_u(b, v.u.i ? FZ_TRUE : FZ_FALSE); return true;
    case V_INT: put_u(b, FZ_INT); put_i(b, v.u.i); return true;
    case V_FLOAT: {
        uint64_t bits;
        memcpy(&bits, &v.u.f, sizeof bits);
        put_u(b, FZ_FLOAT);
        put_u(b, bits);
        return true;
    }
    case V_OBJ:
        if (v.u.o == S->ellipsis.u.o) {
            put_u(b, FZ_ELLIPSIS);
            return true;
        }
        if (is_str(v)) {
            put_u(b, FZ_STR);
            put_str(b, AS_STR(v));
            return true;
        }
        if (is_tuple(v)) {
            Tuple *t = AS_TUPLE(v);
            put_u(b, FZ_TUPLE);
            put_u(b, (uint64_t)t->n);
            for (int64_t i = 0; i < t->n; i++)
                if (!put_const(S, b, t->v[i])) return false;
            return true;
        }
        return false;
    default: return false;
    }
}

bool freeze_code(Sim *S, const Code *c, SBuf *out)
{
    put_u(out, (uint64_t)c->nops);
    int32_t line = 0;
    for (int32_t i = 0; i < c->nops; i++) {
        put_u(out, c->ops[i]);
        put_i(out, c->lines[i] - line);
        line = c->lines[i];
        put_u(out, c->cols[i]);
    }
    put_u(out, (uint64_t)c->nconsts);
    for (int32_t i = 0; i < c->nconsts; i++)
        if (!put_const(S, out, c->consts[i])) return false;
    put_u(out, (uint64_t)c->nnames);
    for (int32_t i = 0; i < c->nnames; i++) put_str(out, c->names[i]);
    put_u(out, (uint64_t)c->nlocals);
    put_u(out, (uint64_t)c->ncells);
    put_u(out, (uint64_t)c->nfrees);
    for (int32_t i = 0; i < c->nlocalsplus; i++) put_str(out, c->varnames[i]);
    for (int32_t i = 0; i < c->ncells; i++) put_i(out, c->cell_arg[i]);
    put_u(out, (uint64_t)c->argcount);
    put_u(out, (uint64_t)c->posonly);
    put_u(out, (uint64_t)c->kwonly);
    put_u(out, (uint64_t)c->flags);
    put_u(out, (uint64_t)c->maxstack);
    put_u(out, (uint64_t)c->nexc);
    for (int32_t i = 0; i < c->nexc; i++) {
        put_u(out, c->exc[i].start);
        put_u(out, c->exc[i].end);
        put_u(out, c->exc[i].target);
        put_u(out, c->exc[i].depth);
    }
    put_str(out, c->name);
    put_str(out, c->qualname);
    put_i(out, c->firstline);
    put_u(out, (uint64_t)c->nchildren);
    for (int32_t i = 0; i < c->nchildren; i++)
        if (!freeze_code(S, c->children[i], out)) return false;
    return true;
}

/* ---- reading ---- */

typedef struct Reader {
    Sim *S;
    const unsigned char *p, *end;
    bool bad;
} Reader;

static uint64_t get_u(Reader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) break;
        unsigned char byte = *r->p++;
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (byte < 0x80) return v;
    }
    r->bad = true;
    return 0;
}

static int64_t get_i(Reader *r)
{
    uint64_t z = get_u(r);
    return (int64_t)(z >> 1 ^ (0 - (z & 1)));
}

/* A count of items of at least min_bytes each that the rest can hold. */
static int32_t get_count(Reader *r, size_t min_bytes)
{
    uint64_t n = get_u(r);
    if (n > INT32_MAX || n * min_bytes > (uint64_t)(r->end - r->p)) {
        r->bad = true;
        return 0;
    }
    return (int32_t)n;
}

static Str *get_str(Reader *r)
{
    int32_t n = get_count(r, 1);
    /* malformed: still a string, so that every code object is whole */
    if (r->bad) return str_intern(r->S, "", 0);
    Str *s = str_intern(r->S, (const char *)r->p, (size_t)n);
    r->p += n;
    return s;
}

static Value get_const(Reader *r, int depth)
{
    switch (get_u(r)) {
    case FZ_NONE: return v_none();
    case FZ_FALSE: return v_bool(false);
    case FZ_TRUE: return v_bool(true);
    case FZ_INT: return v_int(get_i(r));
    case FZ_FLOAT: {
        uint64_t bits = get_u(r);
        double f;
        memcpy(&f, &bits, sizeof f);
        return v_float(f);
    }
    case FZ_STR: return v_obj(get_str(r));
    case FZ_ELLIPSIS: return r->S->ellipsis;
    case FZ_TUPLE: {
        int32_t n = get_count(r, 1);
        if (r->bad || depth > 32) break;
        Tuple *t = tuple_new(r->S, n);
        for (int32_t i = 0; i < n && !r->bad; i++) t->v[i] = get_const(r, depth + 1);
        return v_obj(t);
    }
    }
    r->bad = true;
    return v_none();
}

static void *get_array(int32_t n, size_t size) { return xcalloc((size_t)n + 1, size); }

static Code *thaw(Reader *r, Source *src, int depth)
{
    Sim *S = r->S;
    Code *c = xcalloc(1, sizeof *c);
    c->src = src;
    c->nops = get_count(r, 3);
    c->ops = get_array(c->nops, sizeof *c->ops);
    c->lines = get_array(c->nops, sizeof *c->lines);
    c->cols = get_array(c->nops, sizeof *c->cols);
    c->hints = get_array(c->nops, sizeof *c->hints);
    int32_t line = 0;
    for (int32_t i = 0; i < c->nops; i++) {
        c->ops[i] = (uint32_t)get_u(r);
        c->lines[i] = line += (int32_t)get_i(r);
        c->cols[i] = (uint16_t)get_u(r);
    }
    c->nconsts = get_count(r, 1);
    c->consts = get_array(c->nconsts, sizeof *c->consts);
    for (int32_t i = 0; i < c->nconsts && !r->bad; i++) c->consts[i] = get_const(r, 0);
    c->nnames = get_count(r, 1);
    c->names = get_array(c->nnames, sizeof *c->names);
    for (int32_t i = 0; i < c->nnames && !r->bad; i++) c->names[i] = get_str(r);
    c->nlocals = get_count(r, 1);
    c->ncells = get_count(r, 1);
    c->nfrees = get_count(r, 1);
    /* each has a name of at least a byte */
    if ((int64_t)c->nlocals + c->ncells + c->nfrees > r->end - r->p) r->bad = true;
    if (r->bad) c->nlocals = c->ncells = c->nfrees = 0;
    c->nlocalsplus = c->nlocals + c->ncells + c->nfrees;
    c->varnames = get_array(c->nlocalsplus, sizeof *c->varnames);
    for (int32_t i = 0; i < c->nlocalsplus && !r->bad; i++) c->varnames[i] = get_str(r);
    c->cell_arg = get_array(c->ncells, sizeof *c->cell_arg);
    for (int32_t i = 0; i < c->ncells; i++) c->cell_arg[i] = (int32_t)get_i(r);
    c->argcount = (int32_t)get_u(r);
    c->posonly = (int32_t)get_u(r);
    c->kwonly = (int32_t)get_u(r);
    c->flags = (int32_t)get_u(r);
    c->maxstack = (int32_t)get_u(r);
    c->nexc = get_count(r, 4);
    c->exc = get_array(c->nexc, sizeof *c->exc);
    for (int32_t i = 0; i < c->nexc; i++) {
        c->exc[i].start = (uint32_t)get_u(r);
        c->exc[i].end = (uint32_t)get_u(r);
        c->exc[i].target = (uint32_t)get_u(r);
        c->exc[i].depth = (uint32_t)get_u(r);
    }
    c->name = get_str(r);
    c->qualname = get_str(r);
    c->firstline = (int32_t)get_i(r);
    c->nchildren = get_count(r, 1);
    if (depth > 200) r->bad = true;
    if (r->bad) c->nchildren = 0;
    c->children = get_array(c->nchildren, sizeof *c->children);
    /* nested code first: the compiler links each code object as it
     * finishes it, so a function's after those defined in it */
    for (int32_t i = 0; i < c->nchildren; i++) c->children[i] = thaw(r, src, depth + 1);
    c->next = S->codes;
    S->codes = c;
    return c;
}

Code *freeze_thaw(Sim *S, const unsigned char *data, size_t len, Source *src)
{
    Reader r = {S, data, data + len, false};
    Code *c = thaw(&r, src, 0);
    /* a malformed stream leaves code objects that are whole in memory
     * (every array as long as its count) but not to be run: they stay
     * in S->codes, freed with the others */
    if (r.bad || r.p != r.end) return NULL;
    return c;
}
