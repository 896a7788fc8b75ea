// Internal to graph/: the Boost.Graph structure under a TemporalGraph, for
// algorithms (BFS, paths) that run on it directly. Vertex descriptors equal
// EntityIds; each edge's bundled property is its FactId.
#ifndef KG_GRAPH_BOOST_VIEW_H_
#define KG_GRAPH_BOOST_VIEW_H_

#include <boost/graph/adjacency_list.hpp>

#include "graph/temporal_graph.h"

namespace kg {

struct EdgeBundle {
  FactId fact = 0;
};

// vecS edge lists keep parallel edges: a multigraph. bidirectionalS gives in-edges.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, EdgeBundle>;

struct BoostGraphHolder {
  BoostGraph graph;
};

const BoostGraphHolder& BoostHolder(const TemporalGraph& graph);
inline const BoostGraph& BoostView(const TemporalGraph& graph) { return BoostHolder(graph).graph; }

}  // namespace kg

#endif  // KG_GRAPH_BOOST_VIEW_H_
