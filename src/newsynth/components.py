"""Connected components of a small undirected graph, shared by the clean and compare stages."""

from __future__ import annotations

from collections.abc import Sequence


def connected_groups(count: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Nodes 0..count-1 grouped by the edges in ``pairs``; each group ascending, groups by first node."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not pairs:
        return [[node] for node in range(count)]
    rows, columns = zip(*pairs, strict=True)
    graph = coo_matrix((np.ones(len(pairs)), (rows, columns)), shape=(count, count))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for node, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(node)
    return list(groups.values())
