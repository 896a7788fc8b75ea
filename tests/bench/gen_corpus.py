#!/usr/bin/env python3
"""Deterministic news-like corpus for kg's benchmarks and scale tests.

Writes JSON Lines documents ({"id", "date", "title", "text"}) or a directory of
.txt files with a `date` line. Sentences mix, at roughly newswire density,
relation statements phrased the way news phrases them ("X acquired Y", "Y was
acquired by X", "X CEO Z", "was banned from X"), time expressions ("in October
2021", "last week", "two years ago"), reported speech with names but no
relation, and filler prose. Entities come from the rule pack's gazetteer
(rules/news.yaml, read with a small line parser: the stdlib has no YAML) plus
invented people and companies typed the way the pack recognises unknown names
(titles, given names, "Corp"/"Group" suffixes).

The same --seed and size give the same bytes on every machine (Python's
random.Random is specified to be reproducible for a given seed).

  gen_corpus.py --mb 10 --seed 7 -o corpus.jsonl
  gen_corpus.py --docs 50 --txt-dir corpus/
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six"]
GIVEN = ["Richard", "Mark", "Jack", "Bob", "Tim", "Satya", "Sundar", "Anna", "Laura", "David",
         "Maria", "Peter", "Sofia", "James", "Helen", "Omar", "Priya", "Kenji", "Elena", "Marcus"]
SYLLABLES = ["bar", "vel", "tor", "min", "quo", "ran", "sel", "dak", "lin", "mor", "pet", "gas",
             "hul", "ner", "zan", "bri", "cor", "fen", "lum", "sta"]
ORG_SUFFIX = ["Corp", "Group", "Inc", "Media", "Studios"]
TITLES = ["CEO", "chief executive", "founder", "chairman", "spokesperson"]

FILLER = [
    "Shares of the company rose {n} percent in early trading on {weekday}.",
    "Analysts said the market had already priced in much of the news.",
    "The announcement came as investors weighed higher interest rates and slowing growth.",
    "Regulators in several countries have been reviewing the sector for months.",
    "The figures were broadly in line with what analysts had expected.",
    "Critics argued that the move would do little to address the underlying problems.",
    "The deal is expected to close by the end of the fiscal year, pending approval.",
    "Revenue for the quarter came in at ${n}.{m} billion, up from a year earlier.",
    "Several employees, who asked not to be named, described a tense atmosphere.",
    "It was not immediately clear how the change would affect existing users.",
    "The company did not respond to a request for comment.",
    "Trading volumes were thin ahead of the holiday weekend.",
]
SAID = [
    "{p} told reporters on {weekday} that the talks had been productive.",
    "\"We are very pleased with the outcome,\" {p} said in a statement.",
    "{p} declined to comment on the matter.",
    "In an interview, {p} said {o} would keep investing in new products.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# relation -> (subject kind, object kind, phrasings). Kinds: P person, O
# organisation, F platform, A agency. {s}/{o} are names; {t} a time phrase.
RELATIONS = {
    "acquired": ("O", "O", ["{s} acquired {o} {t}.", "{o} was acquired by {s} {t}.",
                            "{s} bought {o} for ${n} billion {t}.",
                            "{s} completed its acquisition of {o} {t}."]),
    "ceo_of": ("P", "O", ["{o} CEO {s} said the company would expand {t}.",
                          "{s}, the chief executive of {o}, spoke at the event {t}."]),
    "banned": ("F", "P", ["{o} was banned from {s} {t}.", "{s} banned {o} {t}."]),
    "suspended": ("F", "P", ["{s} suspended the account of {o} {t}.",
                             "{o} was suspended from {s} {t}."]),
    "reinstated": ("F", "P", ["{s} reinstated {o} {t}.", "{o} was reinstated on {s} {t}."]),
    "met": ("P", "P", ["{s} met {o} in Washington {t}.", "{s} and {o} met {t}."]),
    "sued": ("O", "O", ["{s} sued {o} over the contract {t}.", "{o} was sued by {s} {t}."]),
    "fined": ("A", "O", ["{s} fined {o} ${n} million {t}.", "{o} was fined by {s} {t}."]),
    "founded": ("P", "O", ["{s} founded {o} {t}.", "{o} was founded by {s} {t}."]),
    "invested_in": ("O", "O", ["{s} invested ${n} million in {o} {t}."]),
    "criticized": ("P", "P", ["{s} criticized {o} {t}.", "{s} sharply criticized {o} {t}."]),
    "endorsed": ("P", "P", ["{s} endorsed {o} {t}."]),
    "partnered_with": ("O", "O", ["{s} partnered with {o} {t}."]),
    "appointed": ("O", "P", ["{s} appointed {o} as chief financial officer {t}."]),
    "resigned_from": ("P", "O", ["{s} resigned from {o} {t}."]),
    "investigated": ("A", "O", ["{s} investigated {o} {t}.", "{o} is being investigated by {s}."]),
}
CUES = ["", "", "", "", "", "reportedly ", "did not ", "allegedly "]


def gazetteer(path):
    """(name, type) pairs from the `entities:` lines of a rule pack."""
    out = []
    if not os.path.exists(path):
        return out
    pattern = re.compile(r"^\s*-\s*\{name:\s*([^,}]+),\s*type:\s*([a-z_]+)")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line)
            if m:
                out.append((m.group(1).strip().strip("\"'"), m.group(2)))
    return out


class Generator:
    def __init__(self, seed, rules):
        self.rng = random.Random(seed)
        rng = self.rng
        known = gazetteer(rules)
        kinds = {"person": "P", "organization": "O", "platform": "F", "agency": "A"}
        self.pools = {"P": [], "O": [], "F": [], "A": []}
        for name, etype in known:
            if etype in kinds:
                self.pools[kinds[etype]].append(name)
        for _ in range(300):
            surname = self.word(2)
            self.pools["P"].append(rng.choice(GIVEN) + " " + surname)
        for _ in range(200):
            self.pools["O"].append(self.word(2) + " " + rng.choice(ORG_SUFFIX))
        self.pools["F"] += ["Facebook", "YouTube", "Instagram"] if not self.pools["F"] else []
        if not self.pools["A"]:
            self.pools["A"] = ["Federal Trade Commission"]
        self.pools["A"] += [self.word(2) + " Commission" for _ in range(10)]
        # Zipf-like popularity: a few names dominate coverage, as in news.
        self.weights = {k: [1.0 / (i + 1) for i in range(len(v))] for k, v in self.pools.items()}

    def word(self, parts):
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def pick(self, kind):
        return self.rng.choices(self.pools[kind], weights=self.weights[kind])[0]

    def time_phrase(self, date):
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            return ""
        if r < 0.45:
            year = date.year - rng.randint(0, 4)
            return "in %s %d" % (rng.choice(MONTHS), year)
        if r < 0.6:
            return rng.choice(["last week", "last month", "last year", "last summer", "yesterday"])
        if r < 0.72:
            return "%s years ago" % rng.choice(NUMBER_WORDS)
        if r < 0.85:
            return "on %s %d, %d" % (rng.choice(MONTHS), rng.randint(1, 28), date.year)
        return "in %d" % (date.year - rng.randint(0, 6))

    def relation_sentence(self, date):
        rng = self.rng
        relation = rng.choice(sorted(RELATIONS))
        skind, okind, forms = RELATIONS[relation]
        s = self.pick(skind)
        o = self.pick(okind)
        while o == s:
            o = self.pick(okind)
        text = rng.choice(forms).format(s=s, o=o, t=self.time_phrase(date), n=rng.randint(2, 90))
        cue = rng.choice(CUES)
        if cue and " acquired " in text:
            text = text.replace(" acquired ", " " + cue + ("acquire " if cue == "did not " else
                                                           "acquired "), 1)
        return re.sub(r" +\.", ".", re.sub(r"  +", " ", text))

    def sentence(self, date):
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return self.relation_sentence(date)
        weekday = rng.choice(WEEKDAYS)
        if r < 0.6:
            return rng.choice(SAID).format(p=self.pick("P"), o=self.pick("O"), weekday=weekday)
        return rng.choice(FILLER).format(n=rng.randint(1, 40), m=rng.randint(0, 9), weekday=weekday)

    def document(self, index):
        rng = self.rng
        date = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500))
        title = "%s %s" % (self.pick("O"), rng.choice(["deal", "report", "update", "dispute"]))
        paragraphs = []
        for _ in range(rng.randint(3, 7)):
            paragraphs.append(" ".join(self.sentence(date) for _ in range(rng.randint(2, 5))))
        return {"id": "doc%07d" % index, "date": date.isoformat(), "title": title,
                "text": title + "\n\n" + "\n\n".join(paragraphs)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mb", type=float, help="stop after this many MB of document text")
    ap.add_argument("--docs", type=int, help="number of documents")
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    "..", "..", "rules", "news.yaml"))
    ap.add_argument("-o", "--output", help="JSONL output file (default: stdout)")
    ap.add_argument("--txt-dir", help="write NAME.txt files with a date line instead")
    args = ap.parse_args()
    if args.mb is None and args.docs is None:
        args.docs = 100
    gen = Generator(args.seed, args.rules)
    limit = None if args.mb is None else int(args.mb * 1e6)
    out = None
    if args.txt_dir:
        os.makedirs(args.txt_dir, exist_ok=True)
    else:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    written = 0
    index = 0
    while (args.docs is None or index < args.docs) and (limit is None or written < limit):
        doc = gen.document(index)
        written += len(doc["text"].encode("utf-8"))
        if args.txt_dir:
            with open(os.path.join(args.txt_dir, doc["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write("date %s\n%s\n" % (doc["date"], doc["text"]))
        else:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        index += 1
    if out is not None and out is not sys.stdout:
        out.close()
    print("gen_corpus: %d documents, %.2f MB of text" % (index, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
