# dataclasses with order=True, frozen=True, asdict/astuple and replace: a task queue
from dataclasses import dataclass, field, asdict, astuple, replace, FrozenInstanceError
import heapq


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    deps: list = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Coordinate:
    lat: float
    lon: float

    def moved(self, dlat, dlon):
        return replace(self, lat=self.lat + dlat, lon=self.lon + dlon)


@dataclass
class Route:
    name: str
    stops: list


tasks = [Task(3, "write docs"), Task(1, "fix bug", ["repro"]), Task(2, "review"), Task(1, "deploy")]
print(sorted(tasks))
print("lt:", Task(1, "a") < Task(2, "b"), "eq ignores name:", Task(1, "a") == Task(1, "b"))
heap = list(tasks)
heapq.heapify(heap)
print("pop order:", [heapq.heappop(heap).name for _ in range(len(tasks))])

home = Coordinate(52.5, 13.4)
print(home, home.moved(0.1, -0.2))
try:
    home.lat = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print("hashable:", hash(home) == hash(Coordinate(52.5, 13.4)), len({home, Coordinate(52.5, 13.4)}))

route = Route("loop", [home, Coordinate(48.1, 11.6)])
print(asdict(route))
print(astuple(route))
r2 = replace(route, name="copy")
print(r2.name, r2.stops is route.stops)
try:
    replace(home, alt=3)
except TypeError as e:
    print("TypeError:", e)
try:
    Task(1, "x") < Coordinate(1, 2)
except TypeError as e:
    print("TypeError:", e)
