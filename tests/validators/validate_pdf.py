"""Validates PDFs offline against PDF/UA-1 and PDF/A-2a.

Used by tests/suite/accessible.rs, run with the Python of the virtual
environment `.ci/run` makes (page-validation and outloud from PyPI, see
requirements.txt beside this file). For each file and each check it prints
one line, `OK <check> <file>` or `FAIL <check> <file>: <findings>`, and it
exits 1 if any check failed.

    python validate_pdf.py FILE...
"""

import subprocess
import sys
from pathlib import Path

import page

# Long documents have long reference chains (a flat outline, a big
# ParentTree): lift the depth limit, keep the others.
LIMITS = page.SafetyLimits(max_reference_depth=1_000_000)


def main(files):
    failed = False
    outloud = Path(sys.executable).with_name("outloud")
    for f in files:
        for profile in ("ua1", "2a"):
            report = page.validate_pdf(f, profile=profile, limits=LIMITS)
            if report.is_compliant:
                print(f"OK {profile} {f}")
            else:
                failed = True
                found = "; ".join(f"{x.rule_id}: {x.message}" for x in report.failures[:20])
                print(f"FAIL {profile} {f}: {found}")
        run = subprocess.run(
            [str(outloud), "--fail-on", "error", f], capture_output=True, text=True
        )
        if run.returncode == 0:
            print(f"OK outloud {f}")
        else:
            failed = True
            errors = [l.strip() for l in run.stdout.splitlines() if "ERROR" in l]
            print(f"FAIL outloud {f}: {' | '.join(errors) or run.stderr.strip()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
