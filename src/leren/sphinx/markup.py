"""Valid HTML (checked with the Nu HTML Checker in tests/test_html_valid.py).

sphinx-exercise wraps the body of every exercise in a section with the fixed id `exercise-content`
(and every solution in `solution-content`), so a page with two exercises repeats an id. A post-transform
gives each of those sections the id of its own exercise or solution with `-inhoud` appended, or drops the
id when the exercise has none; nothing links to the fixed ids (sphinx-exercise's CSS and JavaScript use
classes).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

FIXED_IDS = ("exercise-content", "solution-content")


class UniqueExerciseIds(SphinxPostTransform):
    """Replace sphinx-exercise's fixed section ids by ids derived from the exercise's own label."""

    default_priority = 900

    def run(self, **kwargs) -> None:
        taken = set(self.document.ids)
        for section in self.document.findall(nodes.section):
            fixed = [i for i in section["ids"] if i in FIXED_IDS]
            if not fixed:
                continue
            for old in fixed:
                section["ids"].remove(old)
            owner = section.parent
            owner_ids = owner.get("ids", []) if isinstance(owner, nodes.Element) else []
            if owner_ids:
                new = f"{owner_ids[0]}-inhoud"
                if new not in taken:
                    section["ids"].append(new)
                    taken.add(new)


def setup(app: Sphinx) -> None:
    app.add_post_transform(UniqueExerciseIds)
