"""Shared helpers of the training-set generators: fixed seed, SMS-style variation, TSV output."""
import random
import re
import sys

S = None


def sms_style(text, r, suffixes):
    """People type fast: no accents sometimes, lower case, fewer commas, shortened words."""
    if r.random() < 0.3:
        text = text.lower()
    if r.random() < 0.3:
        text = text.replace(",", "").replace("'", " ")
    if r.random() < 0.2:
        text = text.upper()
    if r.random() < 0.3:
        text = text + r.choice(suffixes) if not text.endswith("?") else text
    return re.sub(r"\s+", " ", text).strip(" ,")


def emit(lang, templates, fill, per_template, seed=7, suffixes=(" !", "...")):
    r = random.Random(seed)
    seen = set()
    out = []
    for category, items in templates.items():
        for t in items:
            n = per_template if "{" in t else 2
            for _ in range(n):
                line = sms_style(fill(t, r), r, suffixes) if category != "not_relevant" or "{" in t or r.random() < 0.5 else t
                line = re.sub(r"\s+", " ", line).strip(" ,")
                if line and line not in seen:
                    seen.add(line)
                    out.append((category, line))
    with open(f"{lang}.tsv", "w", encoding="utf-8") as f:
        f.write("category\ttext\n")
        for c, t in out:
            f.write(f"{c}\t{t}\n")
    print(lang, len(out), file=sys.stderr)
