"""The reference registry: sourced model facts as validated, read-only data."""

from pipeline.registry.index import Registry, alias_key, alias_variants, plain_value
from pipeline.registry.loader import BUNDLED, ENV_VAR, load_registry, registry_dirs

__all__ = [
    "BUNDLED",
    "ENV_VAR",
    "Registry",
    "alias_key",
    "alias_variants",
    "load_registry",
    "plain_value",
    "registry_dirs",
]
