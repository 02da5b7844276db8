/* aio.c - coroutines and the await opcodes. */
#include "gen.h"
#include "obj.h"

int coro_create(Task *T, Func *fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    (void)fn, (void)args, (void)nargs, (void)kwnames, (void)out;
    return vm_raise(T, EXC_RuntimeError, "async functions are not supported by the simulator yet");
}

int aio_op(Task *T, int op, RunStatus *status)
{
    (void)op, (void)status;
    vm_raise(T, EXC_RuntimeError, "await is not supported by the simulator yet");
    return AIO_ERROR;
}
