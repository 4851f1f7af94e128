"""A minimal XLSX (SpreadsheetML) writer for the export's workbook: sheets of rows of text,
whole numbers, decimals and dates, five fixed styles, column widths and a frozen header row.
Pure: bytes in memory, nothing else.

Why not openpyxl, which reads these files back in the tests: a month of the bench's size is
some 1.2 million cells, and openpyxl spends 10 to 15 µs on each (a Cell object, its type and
style resolved, an element written), with lxml as well as without: 15 to 20 s, where the whole
export has 5. Here a row is one formatted string (Layout): a few tenths of a second for the month.

Cells hold their text inline (no shared-string table: each row is written once, in order), and
the archive's entries carry a fixed date, so the same rows give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

# The styles, as indexes into styles.xml's cellXfs below.
PLAIN, BOLD, DATE, AMOUNT, AMOUNT_BOLD = 0, 1, 2, 3, 4

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Excel's day 0 (its 1900 leap-year bug included): a date is the number of days since.
_EPOCH = date(1899, 12, 30).toordinal()
# Characters XML 1.0 cannot hold at all, even escaped; a user's text loses them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Whatever needs escaping or removing: most texts have none of it.
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_STYLES = (
    _HEAD + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    # 4 is Excel's built-in "#,##0.00".
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"'
    ' applyFont="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


_STYLE_ATTR = ["", *(f' s="{i}"' for i in range(1, AMOUNT_BOLD + 1))]
# The opening of a text cell and of a value cell, per style.
_TEXT = [f'<c{a} t="inlineStr"><is><t xml:space="preserve">' for a in _STYLE_ATTR]
_VALUE = [f"<c{a}><v>" for a in _STYLE_ATTR]


def escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # a parser would read a bare one as "\n"
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def text(value: str, style: int = PLAIN) -> str:
    """A text cell for a Layout's row: escaped, and an empty text an empty cell."""
    if not value:
        return "<c/>"
    return f"{_TEXT[style]}{escape(value) if _SPECIAL.search(value) else value}</t></is></c>"


def serial(day: date) -> int:
    """A date as a spreadsheet holds it: the days since its day 0."""
    return day.toordinal() - _EPOCH


class Layout:
    """The cells of a long sheet's rows compiled into one format, so each row is one `%`
    instead of a look at every value's type (Sheet.row): for a month's tens of thousands of
    rows, the look costs more than the writing.

    `columns`: per column, None for a text cell as `text` makes it (so a value repeated on
    every row is escaped once, by whoever repeats it), or the style of a number cell, whose
    value is an int (a date as its `serial`) or a number's text ("71.25")."""

    def __init__(self, columns: Sequence[int | None]) -> None:
        cells = ("%s" if c is None else f"{_VALUE[c]}%s</v></c>" for c in columns)
        self.format = f'<row r="%d">{"".join(cells)}</row>'


def _attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


class Sheet:
    """A worksheet written row by row; `row` takes the cells' values (text, whole numbers,
    decimals, dates; None or "" for an empty cell) and one style for all of them or one per
    cell."""

    def __init__(self, title: str, widths: Sequence[float], *, freeze_first_row: bool = False):
        self.title = title
        self.widths = widths
        self.freeze_first_row = freeze_first_row
        self._rows: list[str] = []

    def row(self, values: Sequence[object], style: int | Sequence[int] = PLAIN) -> None:
        styles = [style] * len(values) if isinstance(style, int) else style
        cells = [f'<row r="{len(self._rows) + 1}">']
        add = cells.append
        # Cells carry no reference (r="B7"): SpreadsheetML places each after the one before,
        # and an empty one is an empty <c/>. By exact type, the commonest first: a month is a
        # million cells.
        for value, s in zip(values, styles, strict=False):
            if type(value) is str:
                if value:
                    text = escape(value) if _SPECIAL.search(value) else value
                    add(f"{_TEXT[s]}{text}</t></is></c>")
                else:
                    add("<c/>")
            elif type(value) is int:
                add(f"{_VALUE[s]}{value}</v></c>")
            elif type(value) is Decimal:
                add(f"{_VALUE[s]}{value:f}</v></c>")
            elif value is None:
                add("<c/>")
            elif type(value) is date:
                add(f"{_VALUE[s]}{value.toordinal() - _EPOCH}</v></c>")
            else:
                raise TypeError(f"no cell for {type(value).__name__}")
        add("</row>")
        self._rows.append("".join(cells))

    def add(self, layout: Layout, values: tuple[object, ...]) -> None:
        """A row of the layout's columns: `values` as its `columns` say."""
        self._rows.append(layout.format % (len(self._rows) + 1, *values))

    def xml(self) -> str:
        pane = (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            if self.freeze_first_row
            else ""
        )
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(self.widths, start=1)
        )
        return (
            f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
            f"<sheetData>{''.join(self._rows)}</sheetData></worksheet>"
        )


def workbook(sheets: Sequence[Sheet], *, title: str, creator: str, at: datetime) -> bytes:
    """The package: the sheets in order, the styles, and the document's properties, every
    entry dated `at`."""
    n = len(sheets)
    content_types = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        + '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    root_rels = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    at = at.astimezone(UTC)
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Balie</Application></Properties>'
    )
    book = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        "<bookViews><workbookView/></bookViews><sheets>"
        + "".join(
            f'<sheet name="{_attr(s.title)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>"
    )
    book_rels = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", book_rels),
        ("xl/styles.xml", _STYLES),
        *((f"xl/worksheets/sheet{i}.xml", s.xml()) for i, s in enumerate(sheets, start=1)),
    ]
    when = (at.year, at.month, at.day, at.hour, at.minute, at.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts:
            entry = zipfile.ZipInfo(name, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            # Level 1: a month of the bench's size is 6.0 MB instead of 5.3 at the default level,
            # in a fifth of the time.
            archive.writestr(entry, text.encode("utf-8"), compresslevel=1)
    return out.getvalue()
