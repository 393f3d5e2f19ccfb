"""Where a key sits in a profile's YAML: the line of a pydantic error's location, from the composed nodes."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode


def line_of(root: Node | None, location: tuple[int | str, ...]) -> int:
    """The 1-based line of the key at `location`; the nearest enclosing key's when it is not there (a missing
    key is told at the line of the mapping that lacks it)."""
    if root is None:  # an empty file
        return 1
    line = root.start_mark.line + 1
    node: Node | None = root
    for part in location:
        key, node = _child(node, part)
        if node is None:
            break
        line = (key or node).start_mark.line + 1
    return line


def _child(node: Node | None, part: int | str) -> tuple[Node | None, Node | None]:
    """The key node (None in a list) and the value node of `part` in `node`, or (None, None)."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key, value
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None, None
