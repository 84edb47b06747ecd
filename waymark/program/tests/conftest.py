"""A small content tree of one's own, so checker and engine tests never wait on the writers."""

from pathlib import Path
from textwrap import dedent

import pytest

PROGRAM = """\
title: Test program
chapters: [start, finish]
"""
SELF_CHECK = """\
title: Self-check
questions:
  - id: sc-often
    type: scale
    label: How strong were the urges?
    min_label: None
    max_label: Very strong
  - id: sc-harm
    type: choice
    label: Thoughts of harming yourself or a child?
    options:
      - {id: "no", label: "No"}
      - {id: sometimes, label: Sometimes}
      - {id: "yes", label: "Yes"}
    crisis: ["yes", sometimes]
"""
START_CHAPTER = """\
id: start
number: 1
title: Starting
summary: Where it begins.
what_next: Go on to [the end](chapter:finish).
"""
START_PAGE = """\
---
id: hello
title: Hello
---
Some **words** to read, and a [link](page:finish/last) and [help](help:now).

```callout
title: Remember
text: You can stop at any time.
```

```exercise
id: ex1-me
number: 1
title: About me
why: It helps.
questions:
  - id: q1-text
    type: long_text
    label: Write something.
  - id: q1-list
    type: checklist
    label: Which apply?
    options:
      - {id: a, label: Apple}
      - {id: b, label: Banana}
    other: true
```
"""
FINISH_CHAPTER = """\
id: finish
number: 2
title: Finishing
summary: Where it ends.
"""
FINISH_PAGE = """\
---
id: last
title: The last page
---
```summary
id: summary-end
title: Summary
gathers: [ex1-me]
questions:
  - id: qs-scale
    type: scale
    label: How sure?
    min_label: Not
    max_label: Very
```
"""


class Tree:
    """content/ with en/ ready to load; tests change one file to break one thing."""

    def __init__(self, root: Path):
        self.root = root
        self.write("en/program.yaml", PROGRAM)
        self.write("en/self-check.yaml", SELF_CHECK)
        self.write("en/chapters/01-start/chapter.yaml", START_CHAPTER)
        self.write("en/chapters/01-start/01-hello.md", START_PAGE)
        self.write("en/chapters/02-finish/chapter.yaml", FINISH_CHAPTER)
        self.write("en/chapters/02-finish/01-last.md", FINISH_PAGE)

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text))
        return path

    def replace(self, name: str, old: str, new: str) -> None:
        """`name` as problems name it: content/en/..."""
        path = self.root.parent / name
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new))

    def translate(self, language: str) -> None:
        for path in (self.root / "en").rglob("*"):
            if path.is_file():
                self.write(f"{language}/{path.relative_to(self.root / 'en')}", path.read_text())


@pytest.fixture
def tree(tmp_path) -> Tree:
    return Tree(tmp_path / "content")
