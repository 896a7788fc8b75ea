// Internal to graph/: the Boost.Graph structure over a TemporalGraph, for
// algorithms (BFS, paths) that run on it directly. It is a bidirectional
// compressed sparse row graph — parallel edges kept, so a multigraph — built
// from the graph's edge arrays on first use after a change and then shared.
// Vertex descriptors equal EntityIds; each edge's bundled property is its FactId.
#ifndef KG_GRAPH_BOOST_VIEW_H_
#define KG_GRAPH_BOOST_VIEW_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "graph/temporal_graph.h"

namespace kg {

struct EdgeBundle {
  FactId fact = 0;
};

using BoostGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeBundle,
                                       boost::no_property, EntityId, FactId>;

struct BoostGraphHolder {
  BoostGraph graph;
};

// Builds the view if the graph changed since the last call. Safe to call from
// several threads on a graph nobody is writing to.
const BoostGraphHolder& BoostHolder(const TemporalGraph& graph);
inline const BoostGraph& BoostView(const TemporalGraph& graph) { return BoostHolder(graph).graph; }

}  // namespace kg

#endif  // KG_GRAPH_BOOST_VIEW_H_
