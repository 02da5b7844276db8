# A generator pipeline over a web server log: each stage is lazy
LOG = """\
192.168.0.1 GET /index.html 200 1043
192.168.0.2 GET /about.html 200 512
10.0.0.5 POST /login 302 0
192.168.0.1 GET /missing.png 404 -
10.0.0.5 GET /dashboard 200 8812
192.168.0.3 GET /index.html 200 1043
10.0.0.7 GET /admin 403 120
192.168.0.2 GET /style.css 200 2048
"""

trace = []


def read_lines(text):
    for line in text.splitlines():
        trace.append("read")
        yield line


def parse(lines):
    for line in lines:
        host, method, path, status, size = line.split()
        yield {"host": host, "method": method, "path": path,
               "status": int(status), "bytes": 0 if size == "-" else int(size)}


def only_status(records, wanted):
    for rec in records:
        if rec["status"] == wanted:
            yield rec


def field(records, name):
    for rec in records:
        yield rec[name]


ok = only_status(parse(read_lines(LOG)), 200)
sizes = field(ok, "bytes")
print("nothing read yet:", len(trace))
first = next(sizes)
print("first 200 response size:", first, "lines read:", len(trace))
print("remaining total bytes:", sum(sizes), "lines read:", len(trace))

records = list(parse(read_lines(LOG)))
by_host = {}
for rec in records:
    by_host.setdefault(rec["host"], []).append(rec["path"])
for host in sorted(by_host):
    print(f"{host:<12} {by_host[host]}")
errors = [f"{r['status']} {r['path']}" for r in records if r["status"] >= 400]
print("errors:", errors)
top = max(records, key=lambda r: r["bytes"])
print("largest:", top["path"], top["bytes"])
