"""Reads a kg export with a real client library and compares it with what kg
says it wrote. Usage: check_export.py CHECK FILE EXPECTED_JSON

CHECK is graphml-networkx, graphml-igraph, gexf-networkx, nodelink-networkx or
cytoscape-networkx. EXPECTED_JSON holds {"nodes": N, "edges": M,
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
    if "1.3" not in gexf.GEXF.versions:
        print(f"SKIP: networkx {nx.__version__} for {sys.executable} cannot read GEXF 1.3")
        sys.exit(SKIP)
    g = nx.read_gexf(path, version="1.3", relabel=False)
    if g.graph.get("mode") != "dynamic":
        c.errors.append(f"graph mode {g.graph.get('mode')!r}, want 'dynamic'")
    check_networkx_graph(g, c)
    return c.finish(f"networkx {nx.__version__} read_gexf")


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


CHECKS = {
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
