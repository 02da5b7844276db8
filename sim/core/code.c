/* code.c - code objects and the source texts they were compiled from:
 * the opcode tables, line lookup, disassembly, and freeing.  The compiler
 * makes code objects; the VM runs them; tracebacks and the front ends read
 * their lines.  Kept apart from all three so that each of them needs only
 * this, not the others. */
#include "code.h"

#include <stdlib.h>

const char *const code_op_name[OPCODE_COUNT] = {
#define X(n, w) #n,
    OPCODES(X)
#undef X
};
const unsigned char code_op_weight[OPCODE_COUNT] = {
#define X(n, w) w,
    OPCODES(X)
#undef X
};

Source *code_source_add(Source **list, const char *name, const char *text, size_t len, bool library)
{
    Source *src = xcalloc(1, sizeof *src);
    src->name = xstrdup(name);
    src->text = xstrndup(text, len);
    src->library = library;
    BUF(const char *) ls = {0};
    const char *p = src->text;
    BUF_PUSH(ls, p);
    for (; *p; p++)
        if (*p == '\n' && p[1]) BUF_PUSH(ls, p + 1);
    src->lines = ls.v;
    src->nlines = (int)ls.n;
    /* the scenario stays first; library sources follow it */
    Source **pp = list;
    while (*pp) pp = &(*pp)->next;
    *pp = src;
    return src;
}

const char *code_source_line(Source *src, int line, int *len)
{
    if (!src || line < 1 || line > src->nlines) {
        *len = 0;
        return "";
    }
    const char *p = src->lines[line - 1];
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    *len = (int)(e - p);
    return p;
}

void code_source_free_all(Source *src)
{
    while (src) {
        Source *n = src->next;
        free(src->name);
        free(src->text);
        free(src->lines);
        free(src);
        src = n;
    }
}

static void code_free(Code *c)
{
    free(c->ops);
    free(c->hints);
    free(c->ic);
    free(c->lines);
    free(c->cols);
    free(c->consts);
    free(c->names);
    free(c->children);
    free(c->varnames);
    free(c->cell_arg);
    free(c->exc);
    free(c);
}

void code_disasm(Code *c, SBuf *out)
{
    sb_printf(out, "code %s (%d ops, maxstack %d, nlocals %d, cells %d, frees %d)\n", c->qualname->s, c->nops,
              c->maxstack, c->nlocals, c->ncells, c->nfrees);
    for (int32_t i = 0; i < c->nops; i++) {
        int op = (int)INSTR_OP(c->ops[i]);
        sb_printf(out, "%5d %4d  %-22s %u\n", i, c->lines[i], code_op_name[op], INSTR_ARG(c->ops[i]));
    }
    for (int32_t i = 0; i < c->nexc; i++)
        sb_printf(out, "  exc [%u, %u) -> %u depth %u\n", c->exc[i].start, c->exc[i].end, c->exc[i].target, c->exc[i].depth);
    for (int32_t i = 0; i < c->nchildren; i++) code_disasm(c->children[i], out);
}

int code_line(Code *c, uint32_t pc)
{
    if (pc >= (uint32_t)c->nops) pc = c->nops ? (uint32_t)c->nops - 1 : 0;
    return c->nops ? c->lines[pc] : c->firstline;
}

void code_free_all(Code *c)
{
    while (c) {
        Code *n = c->next;
        code_free(c);
        c = n;
    }
}
