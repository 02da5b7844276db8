/* views.h - dict keys and items views as sets. */
#ifndef IL_VIEWS_H
#define IL_VIEWS_H

#include "world.h"

/* dict keys/items views as sets (views.c).  The compare and binop
 * functions return 1 when they handled the operation (*out set), 0 when it
 * is not a view operation, -1 on error. */
bool views_is_setview(Value v);
int views_contains(Task *T, Value view, Value item);              /* 1, 0, -1 */
int views_compare(Task *T, Value a, Value b, int op, Value *out); /* CmpOp */
int views_binop(Task *T, int op, Value a, Value b, Value *out);   /* & | - ^ */

/* Their methods and the view classes' behaviour. */
void views_init(Sim *S);

#endif
