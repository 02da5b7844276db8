# heapq: an event scheduler, top-k queries and merging sorted streams
import heapq

events = []
for when, name in [(30, "backup"), (5, "email"), (12, "report"), (5, "alert"), (60, "cleanup")]:
    heapq.heappush(events, (when, name))
print("heap invariant root:", events[0])
while events:
    when, name = heapq.heappop(events)
    print(f"t={when:>3} run {name}")

scores = [72, 95, 88, 61, 99, 85, 77, 93]
print("top 3:", heapq.nlargest(3, scores))
print("bottom 2:", heapq.nsmallest(2, scores))
people = [("ann", 31), ("bob", 25), ("cy", 47), ("dee", 25)]
print("youngest:", heapq.nsmallest(2, people, key=lambda p: p[1]))
print("oldest:", heapq.nlargest(1, people, key=lambda p: p[1]))

data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print("heapified root:", data[0], "sorted:", [heapq.heappop(data) for _ in range(len(data))])
h = [3, 5, 8]
print("pushpop:", heapq.heappushpop(h, 1), h)
print("replace:", heapq.heapreplace(h, 10), h)
print("merge:", list(heapq.merge([1, 4, 9], [2, 3, 10], [5])))
print("merge desc:", list(heapq.merge([9, 4, 1], [8, 3], reverse=True)))
print("merge key:", list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))

max_heap = []
for v in [5, 1, 9, 3]:
    heapq.heappush(max_heap, -v)
print("max-heap pops:", [-heapq.heappop(max_heap) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)


def dijkstra(graph, start):
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(pq, (nd, nxt))
    return dist


g = {"A": [("B", 4), ("C", 1)], "B": [("D", 1)], "C": [("B", 2), ("D", 5)], "D": []}
print("shortest:", sorted(dijkstra(g, "A").items()))
