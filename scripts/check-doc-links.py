#!/usr/bin/env python3
"""Checks that every relative link in README.md and docs/*.md points at an existing file, and every
#anchor at a heading of that file (GitHub's slugs). Links into ../shared/ are refused: that folder is an
input for developers, not part of the product. Exits non-zero, listing each broken link.

    scripts/check-doc-links.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*```")


def prose(path):
    """The lines of a Markdown file outside fenced code blocks."""
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            inside = not inside
        elif not inside:
            yield line


def anchors(path):
    seen, slugs = {}, set()
    for line in prose(path):
        if line.startswith("#"):
            slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            slugs.add(slug if n == 0 else f"{slug}-{n}")
    return slugs


def broken(doc):
    for line in prose(doc):
        for target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            dest = (doc.parent / file).resolve() if file else doc
            if "shared" in pathlib.Path(file).parts:
                yield f"{doc.relative_to(ROOT)}: {target} links ../shared/, which is not part of the product"
            elif not dest.exists():
                yield f"{doc.relative_to(ROOT)}: {target} (no such file)"
            elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
                yield f"{doc.relative_to(ROOT)}: {target} (no such heading)"


problems = [p for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))] for p in broken(doc)]
print("\n".join(problems) or "every link in README.md and docs/ resolves")
sys.exit(1 if problems else 0)
