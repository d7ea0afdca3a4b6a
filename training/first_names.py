"""Derive the given names that tell a person's gender (``resources/lexicons/source_given_names.txt``) from the 1990
US Census name lists.

    pip install names==0.3.0                 # ships dist.male.first and dist.female.first (public domain)
    python -m training.first_names [CENSUS_DIR]

"he" never stands for "Hillary Clinton", "she" never for "Bill Clinton" (attribution/references.py,
``called_otherwise``). A name counts for one gender only when its share among that gender's people is at least
``CLEAR_RATIO`` times its share among the other's, so "Kelly", "Kim" and "Chris" tell nothing; a name at least as
common as a surname ("Lu", "King", "Grant": a family name first in "Lu Kang") or a name particle ("Della Volpe")
tells nothing either. Deterministic: the lists' own order. Provenance and licence: data/README.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

from service.pipeline.resources import lexicon_path, read_entries

CLEAR_RATIO = 10.0
"""How many times more common among one gender a name must be to tell it (ambiguous names stay out)."""
LEXICON = "source_given_names.txt"
HEADER = """\
# Given names that tell a person's gender: "<name> he" or "<name> she". Derived from the 1990 US Census name lists
# (public domain, as the PyPI package names 0.3.0 ships them: dist.male.first, dist.female.first); a name is kept
# for one gender when it is at least 10 times as common among that gender's people, and less common as a surname
# (dist.all.last); name particles left out. Written by training/first_names.py.
"""


def shares(path: Path) -> dict[str, float]:
    """Per name (title case), its share in percent of the list's people."""
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share = line.split()[:2]
        out[name.title()] = float(share)
    return out


def main(argv: list[str]) -> int:
    if argv:
        folder = Path(argv[0])
    else:
        import names  # the PyPI package that ships the census lists
        folder = Path(names.__file__).parent
    male, female = shares(folder / "dist.male.first"), shares(folder / "dist.female.first")
    surnames = shares(folder / "dist.all.last")
    particles = {particle.lower() for particle in read_entries("source_name_particles.txt")}

    def tells(name: str, share: float, other: dict[str, float]) -> bool:
        return (share >= CLEAR_RATIO * other.get(name, 0.0) and share > surnames.get(name, 0.0)
                and name.lower() not in particles)
    lines = [f"{name} he" for name, share in male.items() if tells(name, share, female)]
    lines += [f"{name} she" for name, share in female.items() if tells(name, share, male)]
    lexicon_path(LEXICON).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
