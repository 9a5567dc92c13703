"""Whether a clause is reported as done (coding.modality, coding/data/modality.tsv): acts the
text does not report as done are withheld, with their reason, and done acts are not. Our own
invented sentences."""

import pytest

from eventscope.coding.modality import withheld_reason


def roots(result) -> list[str]:
    return [e.cameo_root for e in result.events]


@pytest.mark.parametrize("text, root, reason", [
    ("Russia did not attack Ukraine's border posts.", "19", "negated"),
    ("If Kenya expels the Ugandan ambassador, Uganda will retaliate.", "16", "conditional"),
    ("Diplomats expect that Kenya will expel the Ugandan ambassador.", "16", "speculative"),
    ("Western analysts say Egypt will send troops to Sudan.", "15", "forecast by another"),
])
def test_an_act_not_done_is_withheld_with_its_reason(code_text, text, root, reason):
    result = code_text(text)
    assert root not in roots(result)
    withheld = [(e.cameo_root, withheld_reason(e)) for e in result.withheld]
    assert (root, reason) in withheld, withheld


def test_a_done_act_is_not_withheld(code_text):
    result = code_text("Kenya expelled the Ugandan ambassador on Monday.")
    assert "16" in roots(result) and result.withheld == []
    assert all(withheld_reason(e) is None for e in result.events)
