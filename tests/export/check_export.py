"""Reads a kg export with a real client library and compares it with what kg
says it wrote. Usage: check_export.py CHECK FILE EXPECTED_JSON

CHECK is graphml-networkx, graphml-igraph, gexf-networkx, nodelink-networkx,
cytoscape-networkx, or csv-neo4j (FILE is then the export directory: the
header grammar of neo4j-admin import, every row's types and ids). EXPECTED_JSON holds {"nodes": N, "edges": M,
"node_samples": [{"id": ..., attribute: value}], "edge_samples": [{"id": ...,
"source": ..., "target": ..., attribute: value}]}; absent values are null.
Exit status: 0 all equal, 1 a difference (printed), 77 the client is missing.
"""
import json
import math
import sys

SKIP = 77


def need(module):
    try:
        return __import__(module)
    except ImportError:
        print(f"SKIP: python module '{module}' not installed for {sys.executable}")
        sys.exit(SKIP)


def same(got, want):
    if want is None:
        return got is None or got == "" or (isinstance(got, float) and math.isnan(got))
    if isinstance(want, bool):
        return got is want or got == want
    return got == want


class Checker:
    def __init__(self, expected):
        self.expected = expected
        self.errors = []

    def counts(self, nodes, edges):
        if nodes != self.expected["nodes"]:
            self.errors.append(f"nodes: got {nodes}, want {self.expected['nodes']}")
        if edges != self.expected["edges"]:
            self.errors.append(f"edges: got {edges}, want {self.expected['edges']}")

    def values(self, what, ident, got_attrs, want_attrs):
        for key, want in want_attrs.items():
            got = got_attrs.get(key)
            if not same(got, want):
                self.errors.append(f"{what} {ident} {key}: got {got!r}, want {want!r}")

    def finish(self, label):
        for e in self.errors[:20]:
            print("FAIL:", e)
        if self.errors:
            return 1
        print(f"OK: {label}: {self.expected['nodes']} nodes, {self.expected['edges']} edges, "
              f"{len(self.expected['node_samples'])} + {len(self.expected['edge_samples'])} samples")
        return 0


def check_networkx_graph(g, c, node_key=None):
    """Compares a NetworkX MultiDiGraph whose nodes are kg's node ids."""
    nx = need("networkx")
    if not isinstance(g, nx.MultiDiGraph):
        c.errors.append(f"expected a directed multigraph, got {type(g).__name__}")
    c.counts(g.number_of_nodes(), g.number_of_edges())
    for want in c.expected["node_samples"]:
        ident = want["id"]
        if ident not in g.nodes:
            c.errors.append(f"node {ident} missing")
            continue
        attrs = dict(g.nodes[ident])
        c.values("node", ident, attrs, {k: v for k, v in want.items() if k != "id"})
    edges = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        edges[data.get("id", key)] = (u, v, data)
    for want in c.expected["edge_samples"]:
        ident = want["id"]
        if ident not in edges:
            c.errors.append(f"edge {ident} missing")
            continue
        u, v, data = edges[ident]
        if "spells" in data:  # GEXF: a list of (start, end) tuples
            data = {**data, "spells": [list(s) for s in data["spells"]]}
        c.values("edge", ident, {"source": u, "target": v, **data},
                 {k: x for k, x in want.items() if k != "id"})


def graphml_networkx(path, c):
    nx = need("networkx")
    check_networkx_graph(nx.read_graphml(path, force_multigraph=True), c)
    return c.finish(f"networkx {nx.__version__} read_graphml")


def graphml_igraph(path, c):
    ig = need("igraph")
    g = ig.Graph.Read_GraphML(path)
    if not g.is_directed():
        c.errors.append("igraph read an undirected graph")
    c.counts(g.vcount(), g.ecount())
    index = {v["id"]: v.index for v in g.vs}
    for want in c.expected["node_samples"]:
        v = g.vs[index[want["id"]]]
        c.values("node", want["id"], v.attributes(), {k: x for k, x in want.items() if k != "id"})
    by_id = {e["id"]: e for e in g.es}
    for want in c.expected["edge_samples"]:
        e = by_id.get(want["id"])
        if e is None:
            c.errors.append(f"edge {want['id']} missing")
            continue
        attrs = dict(e.attributes())
        attrs["source"] = g.vs[e.source]["id"]
        attrs["target"] = g.vs[e.target]["id"]
        # igraph keeps GraphML booleans as 0/1 doubles.
        want = {k: (float(x) if isinstance(x, bool) else x) for k, x in want.items() if k != "id"}
        c.values("edge", e["id"], attrs, want)
    return c.finish(f"igraph {ig.__version__} Read_GraphML")


def gexf_networkx(path, c):
    nx = need("networkx")
    from networkx.readwrite import gexf
    note = ""
    if "1.3" not in gexf.GEXF.versions:
        # NetworkX before 3.0 (Debian 12 ships 2.8) knows GEXF up to 1.2draft;
        # its reader handles 1.3's elements, so register the 1.3 namespaces
        # the way later NetworkX does.
        gexf.GEXF.versions["1.3"] = {
            **gexf.GEXF.versions["1.2draft"],
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
        note = " (1.3 namespace registered by the test)"
    g = nx.read_gexf(path, version="1.3", relabel=False)
    if g.graph.get("mode") != "dynamic":
        c.errors.append(f"graph mode {g.graph.get('mode')!r}, want 'dynamic'")
    check_networkx_graph(g, c)
    return c.finish(f"networkx {nx.__version__} read_gexf{note}")


def nodelink_networkx(path, c):
    nx = need("networkx")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        g = nx.node_link_graph(data, edges="links")
    except TypeError:  # networkx before 3.4 has no `edges` argument
        g = nx.node_link_graph(data)
    check_networkx_graph(g, c)
    return c.finish(f"networkx {nx.__version__} node_link_graph")


def cytoscape_networkx(path, c):
    nx = need("networkx")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    check_networkx_graph(nx.cytoscape_graph(data), c)
    return c.finish(f"networkx {nx.__version__} cytoscape_graph")


NEO4J_SPECIAL = {"ID", "START_ID", "END_ID", "TYPE", "LABEL", "IGNORE"}
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}


def neo4j_header(fields, c, what):
    """Parses a neo4j-admin import header into [(name, type, is_array)]."""
    import re
    columns = []
    for field in fields:
        m = re.fullmatch(r"([^:]*)(?::([A-Za-z_]+)(?:\(([^)]*)\))?(\[\])?)?", field)
        if not m:
            c.errors.append(f"{what}: bad header field {field!r}")
            continue
        name, typ, _, array = m.groups()
        typ = typ or "string"
        if typ in NEO4J_SPECIAL:
            if array:
                c.errors.append(f"{what}: {field!r}: :{typ} cannot be an array")
        elif typ.lower() not in NEO4J_TYPES:
            c.errors.append(f"{what}: {field!r}: unknown type {typ}")
        elif not name:
            c.errors.append(f"{what}: {field!r}: a property needs a name")
        columns.append((name, typ if typ in NEO4J_SPECIAL else typ.lower(), bool(array)))
    return columns


def neo4j_value(value, typ, is_array):
    """Raises ValueError unless neo4j-admin can read `value` as `typ`."""
    import datetime
    if value == "":
        return None
    items = value.split(";") if is_array else [value]
    out = []
    for item in items:
        if typ == "date":
            out.append(datetime.date.fromisoformat(item).isoformat())
        elif typ == "boolean":
            if item not in ("true", "false"):
                raise ValueError(f"boolean {item!r}")
            out.append(item == "true")
        elif typ in ("int", "long", "short", "byte"):
            out.append(int(item))
        elif typ in ("float", "double"):
            out.append(float(item))
        else:
            out.append(item)
    return out if is_array else out[0]


def neo4j_file(path, c, what, required):
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    columns = neo4j_header(rows[0], c, what)
    kinds = [t for _, t, _ in columns if t in NEO4J_SPECIAL]
    for r in required:
        if kinds.count(r) != 1:
            c.errors.append(f"{what}: needs exactly one :{r}, has {kinds.count(r)}")
    records = []
    for line, row in enumerate(rows[1:], 2):
        if len(row) != len(columns):
            c.errors.append(f"{what} record {line}: {len(row)} fields, header has {len(columns)}")
            continue
        record = {}
        for (name, typ, array), value in zip(columns, row):
            try:
                if typ in NEO4J_SPECIAL:
                    record[":" + typ] = value
                    if name:
                        record[name] = value
                else:
                    record[name] = neo4j_value(value, typ, array)
            except ValueError as e:
                c.errors.append(f"{what} record {line} {name}: {e}")
        records.append(record)
    return records


def csv_neo4j(directory, c):
    import os
    nodes = neo4j_file(os.path.join(directory, "neo4j_entities.csv"), c, "entities", ["ID"])
    rels = neo4j_file(os.path.join(directory, "neo4j_facts.csv"), c, "facts",
                      ["START_ID", "END_ID", "TYPE"])
    c.counts(len(nodes), len(rels))
    ids = {}
    for n in nodes:
        node_id = n.get(":ID")
        if node_id in ids:
            c.errors.append(f"duplicate :ID {node_id}")
        ids[node_id] = n
    for r in rels:
        for end in (":START_ID", ":END_ID"):
            if r[end] not in ids:
                c.errors.append(f"fact {r[':TYPE']}: {end} {r[end]} is no entity")
    for want in c.expected["node_samples"]:
        got = ids.get(want["id"], {})
        c.values("node", want["id"], got, {k: v for k, v in want.items() if k != "id"})
    by_key = {(r[":START_ID"], r[":END_ID"], r[":TYPE"], r.get("spanBegin")): r for r in rels}
    for want in c.expected["edge_samples"]:
        key = (want["source"], want["target"], want["relation"], want["span_begin"])
        got = by_key.get(key)
        if got is None:
            c.errors.append(f"edge {want['id']} missing")
            continue
        got = {"negated": got["negated"], "hedged": got["hedged"], "start": got["start"],
               "end": got["end"], "sentence": got["sentence"]}
        c.values("edge", want["id"], got, {k: want[k] for k in got})
    return c.finish("neo4j-admin import header grammar and rows (python csv)")


CHECKS = {
    "csv-neo4j": csv_neo4j,
    "graphml-networkx": graphml_networkx,
    "graphml-igraph": graphml_igraph,
    "gexf-networkx": gexf_networkx,
    "nodelink-networkx": nodelink_networkx,
    "cytoscape-networkx": cytoscape_networkx,
}


def main(argv):
    if len(argv) != 4 or argv[1] not in CHECKS:
        print(__doc__)
        return 2
    with open(argv[3], encoding="utf-8") as f:
        expected = json.load(f)
    return CHECKS[argv[1]](argv[2], Checker(expected))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
