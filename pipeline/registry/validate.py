"""``python -m pipeline.registry.validate [DIR...]``: validate registry folders."""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.errors import RegistryError
from pipeline.registry.loader import load_registry, registry_dirs


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] if argv else registry_dirs()
    try:
        registry = load_registry(dirs)
    except RegistryError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"ok: {len(registry.models)} models, {len(registry.families)} families")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
