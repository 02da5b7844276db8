/* test_freeze.c - frozen modules (sim/lang/freeze.c): every Python part of
 * the library freezes, and what an import rebuilds from it is, field by
 * field, what the compiler made from the source; broken data is refused. */
#include "check.h"
#include "../../sim/sim.h"
#include "code.h"
#include "compile.h"
#include "freeze.h"
#include "modules.h"
#include "parse.h"
#include "world.h"

#include <stdlib.h>
#include <string.h>

extern const char *const py_sources[][2];

static bool same_value(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == V_FLOAT) return memcmp(&a.u.f, &b.u.f, sizeof a.u.f) == 0;
    if (a.tag != V_OBJ) return a.u.i == b.u.i;
    if (is_str(a) && is_str(b)) return AS_STR(a) == AS_STR(b); /* both interned */
    if (is_tuple(a) && is_tuple(b)) {
        Tuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
        if (x->n != y->n) return false;
        for (int64_t i = 0; i < x->n; i++)
            if (!same_value(x->v[i], y->v[i])) return false;
        return true;
    }
    return a.u.o == b.u.o; /* Ellipsis */
}

#define SAME_ARRAY(f, n) ((n) == 0 || memcmp(a->f, b->f, (size_t)(n) * sizeof *a->f) == 0)

/* The first field where a and b differ, or NULL. */
static const char *diff(const Code *a, const Code *b)
{
    if (a->nops != b->nops || !SAME_ARRAY(ops, a->nops)) return "ops";
    if (!SAME_ARRAY(lines, a->nops)) return "lines";
    if (!SAME_ARRAY(cols, a->nops)) return "cols";
    if (a->nconsts != b->nconsts) return "nconsts";
    for (int32_t i = 0; i < a->nconsts; i++)
        if (!same_value(a->consts[i], b->consts[i])) return "consts";
    if (a->nnames != b->nnames || !SAME_ARRAY(names, a->nnames)) return "names";
    if (a->nlocals != b->nlocals || a->ncells != b->ncells || a->nfrees != b->nfrees ||
        a->nlocalsplus != b->nlocalsplus || !SAME_ARRAY(varnames, a->nlocalsplus))
        return "varnames";
    if (!SAME_ARRAY(cell_arg, a->ncells)) return "cell_arg";
    if (a->argcount != b->argcount || a->posonly != b->posonly || a->kwonly != b->kwonly) return "arguments";
    if (a->flags != b->flags || a->maxstack != b->maxstack) return "flags or maxstack";
    if (a->nexc != b->nexc || !SAME_ARRAY(exc, a->nexc)) return "exception table";
    if (a->name != b->name || a->qualname != b->qualname || a->firstline != b->firstline) return "name";
    if (a->src != b->src) return "source";
    if (a->nchildren != b->nchildren) return "nchildren";
    for (int32_t i = 0; i < a->nchildren; i++) {
        const char *d = diff(a->children[i], b->children[i]);
        if (d) return d;
    }
    return NULL;
}

/* Code objects linked into S->codes, in order, up to (not including) stop. */
static int count_codes(Sim *S, const Code *stop)
{
    int n = 0;
    for (const Code *c = S->codes; c != stop; c = c->next) n++;
    return n;
}

static void test_every_part_thaws_as_compiled(void)
{
    Sim *S = sim_new();
    int parts = 0;
    for (int i = 0; py_sources[i][0]; i++, parts++) {
        const char *name = py_sources[i][0], *text = py_sources[i][1];
        CHECK_EQ_STR(modules_py_part(i), name);
        Source *src = code_source_add(&S->sources, name, text, strlen(text), true);
        Module mod;
        ParseError pe;
        if (!CHECK(parse_module(src->text, strlen(src->text), &mod, &pe))) continue;
        CompileError ce;
        Code *before = S->codes;
        Code *compiled = compile_module(S, &mod, src, &modules_resolver, &ce);
        parse_module_free(&mod);
        if (!CHECK(compiled)) continue;
        int ncompiled = count_codes(S, before);
        SBuf b = {0};
        if (CHECK(freeze_code(S, compiled, &b))) {
            Code *mid = S->codes;
            Code *thawed = freeze_thaw(S, (const unsigned char *)b.s, b.n, src);
            if (CHECK(thawed)) {
                const char *d = diff(compiled, thawed);
                if (d) check_fail(__FILE__, __LINE__, "%s: the thawed code differs in %s", name, d);
                /* as many code objects linked, the module's first */
                CHECK_EQ_INT(count_codes(S, mid), ncompiled);
                CHECK(S->codes == thawed);
            }
        }
        sb_free(&b);
    }
    CHECK(parts > 30);
    sim_free(S);
}

static void test_broken_data_is_refused(void)
{
    Sim *S = sim_new();
    const char *text = "def f(a, *b, k=1):\n    return (a, b, k, 2.5, None, ...)\nclass C:\n    x = 'y'\n";
    Source *src = code_source_add(&S->sources, "t", text, strlen(text), true);
    Module mod;
    ParseError pe;
    CHECK(parse_module(src->text, strlen(src->text), &mod, &pe));
    CompileError ce;
    Code *c = compile_module(S, &mod, src, &modules_resolver, &ce);
    parse_module_free(&mod);
    SBuf b = {0};
    if (CHECK(c) && CHECK(freeze_code(S, c, &b))) {
        const unsigned char *p = (const unsigned char *)b.s;
        CHECK(freeze_thaw(S, p, b.n, src) != NULL);
        /* every cut and a stray byte more: refused, nothing read past the end */
        for (size_t n = 0; n < b.n; n++) CHECK(freeze_thaw(S, p, n, src) == NULL);
        sb_putc(&b, 0);
        CHECK(freeze_thaw(S, (const unsigned char *)b.s, b.n, src) == NULL);
        /* huge counts: refused before any allocation */
        static const unsigned char huge[] = {0xff, 0xff, 0xff, 0xff, 0x0f};
        CHECK(freeze_thaw(S, huge, sizeof huge, src) == NULL);
    }
    sb_free(&b);
    sim_free(S);
}

const TestCase freeze_tests[] = {
    {"freeze_every_part_thaws_as_compiled", test_every_part_thaws_as_compiled},
    {"freeze_broken_data_is_refused", test_broken_data_is_refused},
    TEST_END,
};
