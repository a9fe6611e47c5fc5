"""An "A x B" title is a partnership only when the story is one: a customer's engineering
story under such a title (what A runs, ported or built on B's products, and no word of a
partnership, agreement or investment) is no deal."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

CASES = [
    (
        "Quillstack x Google Cloud: Serving 10 Billion Tokens a Day",
        "Quillstack runs its whole inference fleet on Google Cloud TPUs; here is what its "
        "engineers learned along the way.",
        "Google",
        None,
        [],
    ),
    (
        "Vexa x AWS: how we cut training costs by 40%",
        "Vexa migrated its training pipeline to AWS Trainium instances in six weeks.",
        "Amazon",
        None,
        [],
    ),
    (
        "Brightwell + Microsoft: scaling retrieval",
        "Brightwell built its retrieval service on Azure AI Search and Cosmos DB.",
        "Microsoft",
        None,
        [],
    ),
    (
        "Quillstack x Google Cloud",
        "Quillstack and Google Cloud today announced a multi-year partnership under which "
        "Quillstack runs its models on Google Cloud.",
        "Google",
        "partnership",
        [("Quillstack", "partner"), ("Google Cloud", "partner")],
    ),
    (
        "Le Chat x AFP: reliable news in Le Chat",
        "Mistral AI has signed an agreement with Agence France-Presse to bring its dispatches "
        "to Le Chat.",
        "Mistral AI",
        "partnership",
        [("Mistral AI", "partner"), ("Agence France-Presse", "partner")],
    ),
]


@pytest.mark.parametrize(("title", "summary", "publisher", "kind", "parties"), CASES)
def test_a_customer_story_under_a_pair_title(
    title: str, summary: str, publisher: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, summary, kind, parties, publisher=publisher)
