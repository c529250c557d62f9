"""A referral to the draft's own profession sells the practice: it is no disclaimer (missing-disclaimer)."""

from __future__ import annotations

import pytest

BODY = ("Poor posture strains the neck muscles and can trigger a migraine. Tension in the jaw adds to the pain.\n\n"
        "Stretch your neck every hour and keep your screen at eye level.\n\n")


def _disclaimer_missing(lint, draft: str) -> bool:
    return "missing-disclaimer" in {finding.rule for finding in lint(draft)}


@pytest.mark.parametrize("identity", [
    "---\ntitle: Headache tips | Northgate Chiropractic\n---\n\n",  # the title's site-name suffix names the practice
    "---\nauthor: Northgate Chiropractic\n---\n\n",
    '+++\nauthor = "Northgate Chiropractic"\n+++\n\n',  # TOML front matter (Hugo)
    "---\nlink: https://leedschiropractor.example/neck-pain/\n---\n\n",  # the practice's own address
    "![](/images/headache-chiropractor-leeds.jpg)\n\n",  # an image named the way a local practice names them
    '<img src="/img/chiropractic-care-neck.png" alt="">\n\n',
    "Our chiropractic team sees headaches every week.\n\n",  # "our ..." in the prose
])
def test_a_referral_to_the_drafts_own_profession_is_no_disclaimer(lint, identity):
    draft = f"{identity}{BODY}If the pain persists, see your local chiropractor for a check-up.\n"
    assert _disclaimer_missing(lint, draft)


@pytest.mark.parametrize("identity", [
    "---\ntitle: Headache tips | Northgate Chiropractic\n---\n\n",
    "Our chiropractic team sees headaches every week.\n\n",
])
def test_a_referral_to_another_profession_still_counts(lint, identity):
    draft = f"{identity}{BODY}If the pain persists, see your doctor.\n"
    assert not _disclaimer_missing(lint, draft)


@pytest.mark.parametrize("front", ["", "---\ntitle: When to see a chiropractor about headaches\ntags: [chiropractic]\n---\n\n"])
def test_a_referral_counts_where_the_draft_names_no_profession_of_its_own(lint, front):
    draft = f"{front}{BODY}If the pain persists, see your local chiropractor for a check-up.\n"
    assert not _disclaimer_missing(lint, draft)  # a title's topic is not the writer's profession


def test_a_disclaimer_counts_whatever_the_drafts_profession(lint):
    draft = (f"---\ntitle: Headache tips | Northgate Chiropractic\n---\n\n{BODY}See your local chiropractor. "
             "This article is for informational purposes only.\n")
    assert not _disclaimer_missing(lint, draft)
