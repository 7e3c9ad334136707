"""``T_``/``Text``: a sentence with values is its English ``str`` for the core (the command line,
JSON, logs) and keeps its template and values for the window; a stored sentence is read back."""

from __future__ import annotations

import json

from channelmanager_gui.text_marks import T_, Text, recognise

_TOO_LONG = T_("CoreText", "a tracking number has {least} to {most} characters")
_REASON = T_("ListingReason", "{reason}; {waiting}")
_DISABLED = T_("ListingReason", "Disabled in Commerce; quantity 0 is sent")


def test_a_text_is_its_english_sentence() -> None:
    said = _TOO_LONG.format(least=4, most=40)
    assert said == "a tracking number has 4 to 40 characters"
    assert json.dumps({"error": said}) == '{"error": "a tracking number has 4 to 40 characters"}'
    assert f"tracking number: {said}" == "tracking number: a tracking number has 4 to 40 characters"
    assert (said.context, said.template, said.values) == (
        "CoreText",
        "a tracking number has {least} to {most} characters",
        {"least": 4, "most": 40},
    )


def test_a_stored_sentence_is_read_back_from_its_template() -> None:
    found = recognise("Disabled in Commerce; quantity 0 is sent; later", [_DISABLED, _REASON])
    assert isinstance(found, Text)
    assert found.template == "{reason}; {waiting}"
    assert found.values["reason"] == "Disabled in Commerce; quantity 0 is sent"
    whole = recognise("Disabled in Commerce; quantity 0 is sent", [_DISABLED, _REASON])
    assert isinstance(whole, Text) and whole.template == _DISABLED.template
    assert recognise("Amazon's own words", [_DISABLED]) == "Amazon's own words"
    assert not isinstance(recognise("Amazon's own words", [_DISABLED]), Text)
