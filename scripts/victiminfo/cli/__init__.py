"""The command lines: build, serve, check, and the editors' tools."""
