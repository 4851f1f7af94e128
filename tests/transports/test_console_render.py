"""console.render: Slack payloads as terminal text. Pure functions, so plain inputs and outputs."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    PlainTextObject,
    UserSelectElement,
)

from bot.policy import load_policy
from bot.tickets.blocks import modal as ticket_modal
from bot.transports.console import markup, render

NAMES = render.Names(
    users={"UCONSOLEADMIN": "beheerder", "UCONSOLEAGENT": "agent"},
    channels={"C0LIJN2": "balie-2e-lijn"},
    groups={"S0LIJN2": "2e-lijn"},
)
LOOK = render.Look(names=NAMES)
TTY = render.Look(names=NAMES, ansi=True)
BOLD, UNBOLD, ITALIC, UNITALIC = "\x1b[1m", "\x1b[22m", "\x1b[3m", "\x1b[23m"


# --- mrkdwn ----------------------------------------------------------------------------------


def test_entities_become_characters_but_escaped_markup_stays_inert() -> None:
    assert render.mrkdwn("a &lt;!channel&gt; &amp; b", LOOK) == "a <!channel> & b"
    # &amp;lt; is how Slack shows a literal "&lt;": one level of unescaping only.
    assert render.mrkdwn("&amp;lt;", LOOK) == "&lt;"
    # Escaped markup inside bold or code stays inert too.
    assert render.mrkdwn("*&lt;!here&gt;* `&lt;@U1&gt;`", TTY) == (
        f"{BOLD}<!here>{UNBOLD} \x1b[36m<@U1>\x1b[39m"
    )


def test_mentions_use_persona_names_then_labels_then_ids() -> None:
    assert render.mrkdwn("door <@UCONSOLEADMIN>", LOOK) == "door @beheerder"
    assert render.mrkdwn("<@UCONSOLEAGENT|iemand>", LOOK) == "@agent"
    assert render.mrkdwn("<@U0OTHER|piet>", LOOK) == "@piet"
    assert render.mrkdwn("<@U0OTHER>", LOOK) == "@U0OTHER"
    assert render.mrkdwn("<!subteam^S0LIJN2>", LOOK) == "@2e-lijn"
    assert render.mrkdwn("<!subteam^S0ELSE|@servicedesk>", LOOK) == "@servicedesk"


def test_channels_specials_and_links() -> None:
    assert render.mrkdwn("naar <#C0LIJN2>", LOOK) == "naar #balie-2e-lijn"
    assert render.mrkdwn("<#C0ELSE|algemeen>", LOOK) == "#algemeen"
    assert render.mrkdwn("<#C0ELSE>", LOOK) == "#C0ELSE"
    assert render.mrkdwn("<!here> en <!channel>") == "@here en @channel"
    assert render.mrkdwn("<!subteam^S0AGENTS|@agents>") == "@agents"
    assert render.mrkdwn("<!subteam^S0AGENTS>") == "@S0AGENTS"
    assert render.mrkdwn("<https://korton.nl|Korton>") == "Korton (https://korton.nl)"
    assert render.mrkdwn("<https://korton.nl>") == "https://korton.nl"
    assert render.mrkdwn("<mailto:jan@acme.example|Jan>") == "Jan"


def test_formatting_is_plain_in_a_pipe_and_styled_on_a_terminal() -> None:
    text = "*vet* _schuin_ `code` ~weg~"
    assert render.mrkdwn(text) == "vet schuin code weg"
    assert render.mrkdwn(text, TTY) == (
        f"{BOLD}vet{UNBOLD} {ITALIC}schuin{UNITALIC} \x1b[36mcode\x1b[39m \x1b[9mweg\x1b[29m"
    )
    # Styles nest: bold inside italic, as in Slack.
    assert render.mrkdwn("_een *twee*_", TTY) == f"{ITALIC}een {BOLD}twee{UNBOLD}{UNITALIC}"


def test_a_text_with_more_mentions_than_placeholders_still_shows_each() -> None:
    text = " ".join(["<@UCONSOLEAGENT>"] * 7000)
    assert render.mrkdwn(text, LOOK) == " ".join(["@agent"] * 7000)


def test_emphasis_only_at_word_edges() -> None:
    for text in ("user_id en snake_case_naam", "5 * 3 * 2", "*.txt", "a*b*c", "* los *"):
        assert render.mrkdwn(text, TTY) == text
    # Inside code nothing is emphasis.
    assert render.message("`*niet vet*`") == "*niet vet*"


def test_emoji_become_symbols_and_unknown_ones_lose_their_colons() -> None:
    assert render.mrkdwn(":red_circle: *P1* :white_check_mark:") == "🔴 P1 ✅"
    assert render.mrkdwn(":rotating_light: :hourglass_flowing_sand:") == "🚨 ⏳"
    assert render.mrkdwn("klaar :party_parrot:") == "klaar party_parrot"
    # Times, codes and URLs are not emoji.
    for text in ("08:30-17:30", "ERR:disk:full", "https://x.nl/a:b:"):
        assert render.mrkdwn(text) == text
    # In plain_text only the emoji Slack draws are replaced; everything else stays as typed.
    header = {"type": "plain_text", "text": ":warning: a:b: :onbekend:", "emoji": True}
    assert render.text_object(header) == "⚠️ a:b: :onbekend:"


def test_every_emoji_balie_uses_has_a_symbol() -> None:
    import re
    from pathlib import Path

    import bot

    root = Path(bot.__file__).parent
    used = {
        name
        for path in root.rglob("*.py")
        if "transports" not in path.parts
        for name in re.findall(r"(?<![\w:]):([a-z][a-z_]+):(?![\w:])", path.read_text("utf-8"))
    }
    used.discard("mailto")  # <mailto:…> links, not an emoji
    assert len(used) >= 10
    assert used - set(markup.EMOJI) == set()


def test_control_characters_cannot_reach_the_terminal() -> None:
    assert render.mrkdwn("\x1b[2Jweg\x07\r\nregel\ttab") == "[2Jweg\nregel    tab"
    assert render.clean("a\x9bb\x00c") == "abc"


# --- blocks ----------------------------------------------------------------------------------


def test_header_section_and_fields_side_by_side() -> None:
    text = render.blocks(
        [
            {"type": "header", "text": {"type": "plain_text", "text": "KOR-000001 · P2"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Printer &amp; scanner*"}},
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": "*Klant*\nAcme"},
                    {"type": "mrkdwn", "text": "*Behandelaar*\n<@UCONSOLEAGENT>"},
                    {"type": "mrkdwn", "text": "*Status*\nNieuw"},
                ],
            },
        ],
        LOOK.narrower(40),
    )
    assert text.split("\n") == [
        "KOR-000001 · P2",
        "═══════════════",
        "Printer & scanner",
        "Klant                Behandelaar",
        "Acme                 @agent",
        "Status",
        "Nieuw",
    ]


def test_actions_show_buttons_and_selects_in_brackets() -> None:
    actions = ActionsBlock(
        elements=[
            ButtonElement(text="Oppakken", action_id="take", value="KOR-1"),
            UserSelectElement(
                action_id="assign", placeholder=PlainTextObject(text="Toewijzen aan…")
            ),
        ]
    ).to_dict()
    assert render.block(actions, LOOK) == ["[Oppakken] [Toewijzen aan…]"]
    actions["elements"][1]["initial_user"] = "UCONSOLEADMIN"
    assert render.block(actions, LOOK) == ["[Oppakken] [Toewijzen aan… @beheerder]"]


def test_context_divider_image_and_unknown_blocks() -> None:
    context = {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": "door <@UCONSOLEADMIN>"},
            {"type": "image", "image_url": "https://x/y.png", "alt_text": "logo"},
        ],
    }
    assert render.block(context, LOOK) == ["door @beheerder  [logo]"]
    assert render.block({"type": "divider"}, LOOK.narrower(5)) == ["─────"]
    assert render.block({"type": "image", "alt_text": "grafiek"}) == ["[afbeelding: grafiek]"]
    assert render.block({"type": "video"}) == ["[video]"]


def test_rich_text() -> None:
    rich = {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [
                    {"type": "text", "text": "Hoi "},
                    {"type": "user", "user_id": "UCONSOLEAGENT"},
                    {"type": "text", "text": " in "},
                    {"type": "channel", "channel_id": "C0LIJN2"},
                ],
            },
            {
                "type": "rich_text_list",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "een"}]}
                ],
            },
        ],
    }
    assert render.block(rich, LOOK) == ["Hoi @agent in #balie-2e-lijn", "• een"]


def test_message_prefers_blocks_and_falls_back_to_text() -> None:
    section = [{"type": "section", "text": {"type": "mrkdwn", "text": "uit blocks"}}]
    assert render.message("fallback", section) == "uit blocks"
    assert render.message("alleen &lt;tekst&gt;", None) == "alleen <tekst>"
    assert render.message(None, []) == ""


# --- modals ----------------------------------------------------------------------------------


def test_new_ticket_modal_shows_inputs_choices_and_buttons() -> None:
    view = ticket_modal.new_ticket(load_policy(), "nl", impact="high")
    lines = render.view(view).split("\n")
    assert lines[:2] == ["Nieuw ticket", "════════════"]
    assert "Klant: [Zoek op code of naam ▾]" in lines
    assert "Gemeld via: (•) telefoon  ( ) e-mail" in lines
    assert "Impact: (•) hoog  ( ) midden  ( ) laag" in lines
    assert "Onderwerp: […]" in lines
    assert "Omschrijving (optioneel): […meerdere regels…]" in lines
    assert lines[-1] == "[Registreren] [Annuleren]"


def test_the_words_the_renderer_adds_follow_the_language() -> None:
    view = ticket_modal.new_ticket(load_policy(), "en", impact="high")
    english = render.Look(lang="en")
    lines = render.view(view, english).split("\n")
    assert lines[0] == "New ticket"
    assert "Description (optional): […several lines…]" in lines
    assert render.block({"type": "image", "alt_text": "chart"}, english) == ["[image: chart]"]


def test_input_hint_is_indented_under_its_input() -> None:
    block = {
        "type": "input",
        "label": {"type": "plain_text", "text": "Notitie"},
        "hint": {"type": "plain_text", "text": "Alleen intern"},
        "element": {"type": "plain_text_input", "action_id": "x", "initial_value": "al iets"},
    }
    assert render.block(block) == ["Notitie: al iets", "    Alleen intern"]


# --- e-mail and layout -----------------------------------------------------------------------


def test_email_shows_headers_and_plain_body() -> None:
    text = render.email(
        sender="Korton <servicedesk@korton.nl>",
        to="jan@acme.example",
        subject="[KOR-000001] Printer\n<!channel>",
        body="Beste Jan,\n\nTekst &amp; meer.\n",
    )
    assert text.split("\n") == [
        "Van:       Korton <servicedesk@korton.nl>",
        "Aan:       jan@acme.example",
        "Onderwerp: [KOR-000001] Printer <!channel>",
        "",
        "Beste Jan,",
        "",
        # E-mail is plain text, not mrkdwn: nothing is unescaped.
        "Tekst &amp; meer.",
    ]


def test_email_headers_in_english_line_up_too() -> None:
    text = render.email(
        sender="a@korton.nl",
        to="b@acme.example",
        subject="Hi",
        body="x",
        look=render.Look(lang="en"),
    )
    assert text.split("\n")[:3] == [
        "From:    a@korton.nl",
        "To:      b@acme.example",
        "Subject: Hi",
    ]


def test_wrap_keeps_line_breaks_and_indentation() -> None:
    assert render.wrap("kort\n  een twee drie vier", 12) == [
        "kort",
        "  een twee",
        "  drie vier",
    ]
    assert all(len(line) <= 100 for line in render.wrap("woord " * 60))
    # A bullet's continuation lines up under its text.
    assert render.wrap("• een twee drie vier", 14) == ["• een twee", "  drie vier"]


def test_indent_leaves_blank_lines_blank() -> None:
    assert render.indent("a\n\nb") == "  a\n\n  b"
