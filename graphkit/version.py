"""The version of graphkit (one place: the package, setup.cfg and manifests read it)."""

__version__ = "0.1.0"
