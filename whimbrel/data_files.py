"""The one place that reads the package's own data files (``whimbrel/data/``)."""

from __future__ import annotations

from importlib import resources

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


def data_path(name: str):
    """A file under ``whimbrel/data/`` (``name`` may hold a sub-folder: "ontology/x.tsv")."""
    return resources.files("whimbrel").joinpath("data", *name.split("/"))


def read_yaml(path) -> object:
    """A YAML file, by path: a data file (``data_path(...)``) or a user's own."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YAML_LOADER)
