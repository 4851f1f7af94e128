from __future__ import annotations

from bot.blocks.text import Raw, channel_link, esc, mention, tr


def test_escape_the_three_control_characters() -> None:
    assert esc("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert esc("&lt;") == "&amp;lt;"  # already-escaped text stays visible as typed


def test_tr_escapes_params_but_not_raw_markup() -> None:
    text = tr("nl", "ok.assign", number="<!here>", assignee=mention("U123"))
    assert "&lt;!here&gt;" in text and "<@U123>" in text
    assert isinstance(mention("U1AB"), Raw)


def test_mentions_and_channel_links_refuse_junk() -> None:
    assert mention(None) == "_niemand_" and mention(None, "en") == "_nobody_"
    assert mention("<!channel>") == "&lt;!channel&gt;"
    assert channel_link("C0123ABC") == "<#C0123ABC>"
    assert channel_link("balie-1e-lijn") == "#balie-1e-lijn"
