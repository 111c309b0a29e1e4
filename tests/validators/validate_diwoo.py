"""Validates every diwoo:Document of DiWoo sitemaps against the DiWoo metadata
XSD 0.9.8 (tests/fixtures/diwoo, offline: the MDTO import is resolved to the
stand-in mdto-stub.xsd), and checks the sitemap's own rules the XSD leaves
out: every `loc` an absolute http(s) URL.

    python validate_diwoo.py SCHEMA_DIR FILE...

Prints one line per entry: `OK <file> <n>` or `FAIL <file> <n>: <reason>`,
and `FAIL <file>: no diwoo:Document` for a file without any. Exits 1 when
any entry fails.
"""

import sys
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "diwoo": "https://standaarden.overheid.nl/diwoo/metadata/",
}


def schema(folder: Path) -> etree.XMLSchema:
    stub = str(folder / "mdto-stub.xsd")

    class Local(etree.Resolver):
        def resolve(self, url, pubid, ctx):
            if "MDTO" in url or "mdto" in url:
                return self.resolve_filename(stub, ctx)
            if url.startswith(("http://", "https://")):
                raise ValueError(f"the schema would fetch {url}")
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(folder / "diwoo-metadata.xsd"), parser))


def main() -> int:
    folder = Path(sys.argv[1])
    xsd = schema(folder)
    failed = False
    for name in sys.argv[2:]:
        tree = etree.parse(name, etree.XMLParser(no_network=True))
        urls = tree.getroot().findall("s:url", NS)
        if not urls:
            print(f"FAIL {name}: no url")
            failed = True
        for n, url in enumerate(urls, 1):
            problems = []
            loc = url.findtext("s:loc", namespaces=NS)
            parts = urlparse(loc or "")
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append(f"loc {loc!r} is not an absolute http(s) URL")
            docs = url.findall("diwoo:Document", NS)
            if len(docs) != 1:
                problems.append(f"{len(docs)} diwoo:Document")
            for doc in docs:
                if not xsd.validate(etree.ElementTree(doc)):
                    problems.extend(f"line {e.line}: {e.message}" for e in xsd.error_log)
            if problems:
                failed = True
                print(f"FAIL {name} {n}: " + "; ".join(problems))
            else:
                print(f"OK {name} {n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
