# copy.copy vs copy.deepcopy on nested game state, plus __copy__/__deepcopy__
import copy

state = {"turn": 3, "players": [{"name": "ann", "hand": [1, 5]}, {"name": "bob", "hand": [2]}], "log": ["start"]}
shallow = copy.copy(state)
deep = copy.deepcopy(state)
shallow["turn"] = 4
shallow["players"][0]["hand"].append(9)
deep["players"][1]["hand"].append(7)
print("original:", state)
print("shallow :", shallow)
print("deep    :", deep)
print("shared list:", shallow["players"] is state["players"], deep["players"] is state["players"])

shared = [1, 2]
pair = [shared, shared]
pair_copy = copy.deepcopy(pair)
print("deepcopy keeps aliasing:", pair_copy[0] is pair_copy[1], pair_copy[0] is shared)
cyclic = [1]
cyclic.append(cyclic)
c2 = copy.deepcopy(cyclic)
print("cycle preserved:", c2[1] is c2, c2[1] is cyclic)


class Board:
    def __init__(self, cells, name):
        self.cells = cells
        self.name = name
        self.history = []

    def __copy__(self):
        print("  __copy__ called")
        clone = Board(self.cells, self.name + "-copy")
        return clone

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called")
        clone = Board(copy.deepcopy(self.cells, memo), self.name + "-deep")
        clone.history = list(self.history)
        return clone


b = Board([[0, 0], [0, 1]], "main")
b.history.append("move")
b1 = copy.copy(b)
b2 = copy.deepcopy(b)
b.cells[0][0] = 5
print(b1.name, b1.cells, b1.history)
print(b2.name, b2.cells, b2.history)
t = (1, [2, 3])
print("tuple copy is same:", copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is not None)
print("list slicing is shallow:", state["log"][:] == state["log"], state["log"][:] is state["log"])
