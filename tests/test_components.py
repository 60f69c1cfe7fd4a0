from newsynth.components import connected_groups


def test_nodes_joined_by_edges_share_a_group_listed_by_first_node():
    assert connected_groups(6, [(4, 1), (2, 5), (5, 3)]) == [[0], [1, 4], [2, 3, 5]]


def test_without_edges_every_node_is_alone():
    assert connected_groups(3, []) == [[0], [1], [2]]


def test_groups_joined_late_through_a_shared_node_become_one():
    assert connected_groups(5, [(3, 4), (1, 4), (0, 3)]) == [[0, 1, 3, 4], [2]]
