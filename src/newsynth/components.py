"""Connected components of a small undirected graph, shared by the clean and compare stages."""

from __future__ import annotations

from collections.abc import Sequence


def connected_groups(count: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Nodes 0..count-1 grouped by the edges in ``pairs``; each group ascending, groups by first node.
    A union-find: the graphs here (a story's sentences, a claim's conflicts) are small enough that
    scipy's ``connected_components`` spends most of its time checking and converting its input."""
    parent = list(range(count))
    for first, second in pairs:
        first, second = _root(parent, first), _root(parent, second)
        if first != second:
            parent[max(first, second)] = min(first, second)
    groups: dict[int, list[int]] = {}
    for node in range(count):
        groups.setdefault(_root(parent, node), []).append(node)
    return list(groups.values())


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]  # halve the path on the way up
        node = parent[node]
    return node
