"""The site's static storage, minus source-map references.

The vendored Bootstrap files end in `sourceMappingURL=...map` comments, but the .map files are not in
static/vendor/, so `collectstatic` with DEBUG=false (the manifest storage) stops with MissingFileError.
Until that is fixed in static/ (drop the two comments), the bench collects with this storage: the same
hashed names, manifest and compression, only the source-map comments left as they are.
"""

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    return tuple(
        (glob, tuple(p for p in rules if "sourceMappingURL" not in (p if isinstance(p, str) else p[0])))
        for glob, rules in patterns
    )


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
