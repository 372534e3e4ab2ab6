#!/usr/bin/env python3
"""Builds templates/reference.docx, the house style of the DOCX board paper, from pandoc's
own reference document: Arial throughout, NHS blue headings, a bordered table style with a
blue header row, compact table text, A4 pages, and the character styles that colour BRAG
cells (BRAG Blue, BRAG Red, BRAG Amber, BRAG Green, BRAG Grey).

Run it again only to change the house style in code; a board secretary can equally open
templates/reference.docx in Word, change the styles and save it. Output is reproducible
(fixed zip timestamps), so the committed file changes only when the style does.

Usage: scripts/make-reference-docx.py [OUTPUT]   (default: templates/reference.docx)
"""
import io
import re
import subprocess
import sys
import zipfile

NHS_BLUE = "005EB8"
NHS_DARK_BLUE = "003087"
# BRAG fills and the text colour that reads on each (NHS identity colours).
BRAG = {
    "Blue": ("005EB8", "FFFFFF"),
    "Red": ("D5281B", "FFFFFF"),
    "Amber": ("FFB81C", "212B32"),
    "Green": ("007F3B", "FFFFFF"),
    "Grey": ("4C6272", "FFFFFF"),
}
ARIAL = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial" />'
# A4 portrait, 2 cm margins; the paper's template switches to landscape for the appendix.
SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838" />'
           '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
           'w:header="567" w:footer="567" w:gutter="0" /></w:sectPr>')


def style_block(styles, style_id):
    m = re.search(r'<w:style [^>]*w:styleId="%s".*?</w:style>' % style_id, styles, re.S)
    if not m:
        sys.exit("reference.docx: no style %s in pandoc's default" % style_id)
    return m


def set_run_props(styles, style_id, props):
    m = style_block(styles, style_id)
    block = m.group(0)
    block = re.sub(r"<w:rPr>.*?</w:rPr>", "", block, flags=re.S)
    block = block.replace("</w:style>", "<w:rPr>%s</w:rPr></w:style>" % props)
    return styles[: m.start()] + block + styles[m.end():]


def set_para_spacing(styles, style_id, before, after):
    m = style_block(styles, style_id)
    block = re.sub(r'<w:spacing [^>]*/>',
                   '<w:spacing w:before="%d" w:after="%d" />' % (before, after), m.group(0))
    return styles[: m.start()] + block + styles[m.end():]


def patch_styles(styles):
    styles = re.sub(r"<w:rFonts [^>]*/>", ARIAL, styles)
    styles = re.sub(r'<w:sz w:val="24" />\s*<w:szCs w:val="24" />',
                    '<w:sz w:val="22" /><w:szCs w:val="22" />', styles, count=1)
    styles = styles.replace('w:val="en-US" w:eastAsia="en-US"', 'w:val="en-GB" w:eastAsia="en-GB"')
    heading = '%s<w:b /><w:bCs /><w:color w:val="%s" /><w:sz w:val="%d" /><w:szCs w:val="%d" />'
    styles = set_run_props(styles, "Title", heading % (ARIAL, NHS_BLUE, 36, 36))
    styles = set_run_props(styles, "Subtitle", heading % (ARIAL, NHS_DARK_BLUE, 26, 26))
    styles = set_run_props(styles, "Heading1", heading % (ARIAL, NHS_BLUE, 30, 30))
    styles = set_run_props(styles, "Heading2", heading % (ARIAL, NHS_BLUE, 24, 24))
    styles = set_run_props(styles, "Heading3", heading % (ARIAL, NHS_DARK_BLUE, 22, 22))
    styles = set_para_spacing(styles, "Heading1", 360, 120)
    styles = set_para_spacing(styles, "Heading2", 240, 80)
    styles = set_para_spacing(styles, "Heading3", 200, 60)
    styles = set_para_spacing(styles, "BodyText", 80, 120)
    styles = set_para_spacing(styles, "FirstParagraph", 80, 120)
    styles = set_para_spacing(styles, "Title", 0, 240)
    # Table cells use Compact: smaller text so the landscape action plan fits.
    styles = set_para_spacing(styles, "Compact", 20, 20)
    styles = set_run_props(styles, "Compact", '%s<w:sz w:val="18" /><w:szCs w:val="18" />' % ARIAL)
    styles = set_run_props(styles, "TableCaption", '%s<w:b /><w:color w:val="%s" />'
                           % (ARIAL, NHS_DARK_BLUE))

    m = style_block(styles, "Table")
    border = '<w:%s w:val="single" w:sz="4" w:space="0" w:color="AEB7BD" />'
    borders = "".join(border % side for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    table = ('<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table" />'
             '<w:basedOn w:val="TableNormal" /><w:qFormat />'
             '<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>%s</w:tblBorders>'
             '<w:tblCellMar><w:top w:w="40" w:type="dxa" /><w:left w:w="80" w:type="dxa" />'
             '<w:bottom w:w="40" w:type="dxa" /><w:right w:w="80" w:type="dxa" /></w:tblCellMar>'
             '</w:tblPr>'
             '<w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:color w:val="FFFFFF" /></w:rPr>'
             '<w:trPr><w:tblHeader /></w:trPr>'
             '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="%s" /><w:vAlign w:val="bottom" />'
             '</w:tcPr></w:tblStylePr></w:style>' % (borders, NHS_BLUE))
    styles = styles[: m.start()] + table + styles[m.end():]

    brag = "".join(
        '<w:style w:type="character" w:customStyle="1" w:styleId="BRAG%s">'
        '<w:name w:val="BRAG %s" /><w:basedOn w:val="DefaultParagraphFont" /><w:qFormat />'
        '<w:rPr><w:b /><w:color w:val="%s" /><w:shd w:val="clear" w:color="auto" w:fill="%s" />'
        '</w:rPr></w:style>' % (name, name, text, fill)
        for name, (fill, text) in BRAG.items())
    return styles.replace("</w:styles>", brag + "</w:styles>")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates/reference.docx"
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                             check=True, capture_output=True).stdout
    src = zipfile.ZipFile(io.BytesIO(default))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == "word/styles.xml":
                data = patch_styles(data.decode("utf-8")).encode("utf-8")
            elif name == "word/document.xml":
                data = data.replace(b"<w:sectPr />", SECTION.encode())
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)


if __name__ == "__main__":
    main()
