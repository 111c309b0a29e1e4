"""typst 0.15 on the document examples/pdfbench.rs makes, for scale.

Writes the same synthetic annex document (an inventory table, then one
annex per report, each on a new page with a record table and two quoted
letters with redaction boxes) as typst markup, in the bundled Noto Sans on
A4 with "Pagina N van M" footers, and compiles it to a tagged PDF/UA-1 file
with typst's Python binding (`pip install typst`). Prints the pages, the
wall time and pages per second, as pdfbench does. Run by examples/bench.sh.

    python examples/typst_compare.py --annexes 1000 [--out file.pdf]
"""

import argparse
import pathlib
import re
import sys
import tempfile
import time

import typst

REPO = pathlib.Path(__file__).resolve().parent.parent

BOX = '#box(fill: black, inset: (x: 2pt, y: 1pt), text(fill: white, weight: "bold", size: 7.5pt)[5.1.2e])'


def document(annexes: int) -> str:
    out = [
        '#set document(title: "Bijlagen", author: "Ministerie van BZK")',
        '#set text(font: "Noto Sans", size: 10pt, lang: "nl")',
        '#set page(paper: "a4", margin: (left: 25mm, right: 20mm, top: 20mm, bottom: 22mm),'
        ' footer: context align(right, text(size: 8pt)[Pagina #counter(page).display() van'
        " #counter(page).final().first()]))",
        "#set table(stroke: 0.4pt + luma(190))",
        "= Bijlagen bij het antwoord",
        "== Inventarislijst",
        "#table(columns: 6, table.header([Nr.], [Datum], [Document], [Bijlage], [Beoordeling], [Weigeringsgronden]),",
    ]
    for i in range(1, annexes * 2 + 1):
        out.append(
            f"  [{i}], [9 maart 2021], [Bericht van Ministerie van BZK aan Facebook], [{(i + 1) // 2}],"
            " [deels openbaar], [5.1.2e],"
        )
    out.append(")")
    for a in range(1, annexes + 1):
        out.append("#pagebreak()")
        out.append(
            f"== Bijlage {a} – Melding {a} over berichten over twee vakjes rood kleuren op het stembiljet"
        )
        out.append(
            "#table(columns: 2, table.header([Gegeven], [Waarde]), [Datum], [17 maart 2021],"
            " [Platform], [Facebook en Twitter], [Factcheck], [16 maart 2021, DPA-factchecking],"
            " [Uitkomst Facebook], [van een label voorzien])"
        )
        for d in range(2):
            out.append(f"=== Document {a * 2 - 1 + d}: Bericht van Ministerie van BZK aan Facebook")
            out.append("Datum: 17 maart 2021 \\\nVan: Ministerie van BZK \\\nAan: Facebook")
            out.append(
                "#quote(block: true)["
                f"Geachte {BOX},\n\n"
                "Op Facebook wordt beweerd dat je bij deze verkiezingen twee vakjes rood mag kleuren op het"
                " stembiljet. Deze informatie is op 16 maart 2021 ontkracht door DPA-factchecking. Het"
                " inkleuren van twee vakjes leidt tot een ongeldige stem. Wij melden u zeven berichten die"
                " nog niet van een label zijn voorzien.\n\n"
                f"Met vriendelijke groet, \\\n{BOX}]"
            )
    return "\n\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--annexes", type=int, default=1000)
    ap.add_argument("--out")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "bijlagen.typ"
        src.write_text(document(args.annexes), encoding="utf-8")
        out = pathlib.Path(args.out) if args.out else pathlib.Path(tmp) / "bijlagen.pdf"
        t = time.perf_counter()
        typst.compile(
            str(src),
            output=str(out),
            font_paths=[str(REPO / "src/assets/fonts")],
            ignore_system_fonts=True,
            pdf_standards=["ua-1"],
        )
        wall = time.perf_counter() - t
        data = out.read_bytes()
        # (krilla writes no object streams: every page object is visible.)
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    print(
        f"typst {getattr(typst, '__version__', '?')} (tagged, PDF/UA-1): annexes {args.annexes}, "
        f"pages {pages}, {wall:.2f} s, {pages / wall:.0f} pages/s, {len(data) / 1048576:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
