#!/usr/bin/env python3
"""Real extractions of Arabic PDFs made here, for corpus/in-the-wild/.

Renders a clean Arabic text written for this corpus to PDF with LibreOffice
(headless, one PDF per font), extracts each PDF with the extractors people
use (poppler's pdftotext with default, -raw and -layout options,
pdfminer.six, pypdf, PyMuPDF), and writes, for every extraction whose lines
can be aligned with the text, `corpus/in-the-wild/pdf-FONT-TOOL.broken.txt`
with `pdf-FONT-TOOL.gold.txt` (the clean text, line for line).

`pdftotext -raw` puts numbers, brackets and a heading's label on lines of
their own, so its lines do not align; its extractions are written all the
same (`pdf-FONT-pdftotext-raw.broken.txt`, the non-empty lines), and their
gold was written by hand, line for line (each line the logical reading of
what that line holds; a line of neutral characters alone as extracted, as
the repair leaves lines without Arabic). So was pdfminer.six's extraction
of the Amiri PDF (`pdf-amiri-pdfminer`: whole lines in visual order,
numbers on lines of their own, blank lines kept); its extractions of the
other two PDFs scatter a line's pieces over lines far apart and are not
kept. The script does not overwrite a hand-written gold.

Every source line is its own right-aligned paragraph, short enough never to
wrap, so that line N of an extraction is line N of the text.

Needs (not the build, not the tests): Debian's libreoffice-writer-nogui,
poppler-utils, fonts-hosny-amiri, fonts-kacst, fonts-noto-core; PyPI's
pdfminer.six, pypdf, pymupdf. Run from the crate root:

    python3 scripts/make_pdf_extractions.py
"""
import html
import os
import subprocess
import sys
import tempfile

# The clean text: written for this corpus (not taken from any document).
TEXT = """\
تقرير عن إدارة الموارد المائية في المناطق الحضرية
أولاً- مقدمة
١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه.
٢- وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣.
٣- ويستند التقرير إلى بيانات جمعتها الوزارة من ١٤ مدينة رئيسية.
ثانياً- النتائج الرئيسية
٤- ارتفع استهلاك المياه في المدن بنسبة ١٨ في المائة خلال عشر سنوات.
٥- ويعزى هذا الارتفاع إلى النمو السكاني وتوسع الأنشطة الصناعية.
٦- وتفقد شبكات التوزيع القديمة كميات كبيرة من المياه بسبب التسرب.
(أ) تحتاج الأنابيب في الأحياء القديمة إلى صيانة عاجلة؛
(ب) لا تتوفر عدادات دقيقة في كثير من المباني السكنية؛
(ج) تتأخر الاستثمارات في محطات المعالجة عن الجداول المقررة.
٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP) قدم الدعم الفني.
ثالثاً- التوصيات
٨- ينبغي للسلطات المحلية أن تضع خططاً طويلة الأجل لحماية مصادر المياه.
٩- ويوصي الفريق بتشجيع إعادة استخدام المياه المعالجة في الزراعة والصناعة.
١٠- كما يوصي بإشراك المجتمع المدني في حملات التوعية بترشيد الاستهلاك.
١١- وينبغي تحديث التشريعات المتعلقة بحقوق المياه وتوزيعها بين القطاعات.
١٢- وأخيراً، يدعو الفريق إلى تعزيز التعاون الإقليمي في إدارة الأحواض المشتركة.
رابعاً- الخلاصة
١٣- إن إدارة المياه مسؤولية مشتركة بين الحكومة والمواطنين والقطاع الخاص.
١٤- وستعرض اللجنة نتائج هذا التقرير في اجتماعها المقبل في شهر أيار/مايو.
"""

FONTS = {'amiri': 'Amiri', 'kacst': 'KacstBook', 'noto': 'Noto Naskh Arabic'}


def render(font, workdir):
    body = ''.join(f'<p dir="rtl" align="right">{html.escape(line)}</p>\n' for line in TEXT.splitlines())
    page = (
        '<html dir="rtl"><head><meta charset="utf-8">'
        f'<style>body {{ font-family: "{font}"; font-size: 11pt; }} p {{ margin: 0 0 4pt 0; }}</style>'
        # LibreOffice's HTML import drops the first paragraph: give it an empty one.
        f'</head><body>\n<p>&nbsp;</p>\n{body}</body></html>\n'
    )
    src = os.path.join(workdir, 'text.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(page)
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', workdir, src],
                   check=True, capture_output=True)
    return os.path.join(workdir, 'text.pdf')


def extract(tool, pdf):
    if tool.startswith('pdftotext'):
        opts = {'pdftotext': [], 'pdftotext-raw': ['-raw'], 'pdftotext-layout': ['-layout']}[tool]
        return subprocess.run(['pdftotext', *opts, '-enc', 'UTF-8', pdf, '-'], check=True, capture_output=True).stdout.decode('utf-8')
    if tool == 'pdfminer':
        from pdfminer.high_level import extract_text
        return extract_text(pdf)
    if tool == 'pypdf':
        import pypdf
        return '\n'.join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    if tool == 'pymupdf':
        import pymupdf
        return ''.join(page.get_text() for page in pymupdf.open(pdf))
    raise ValueError(tool)


def align(extracted):
    """The extraction's non-empty lines, if there are exactly as many as the
    text has lines (then line N is the text's line N)."""
    lines = [l.rstrip('\f') for l in extracted.replace('\f', '\n').split('\n')]
    lines = [l for l in lines if l.strip()]
    gold = TEXT.splitlines()
    return lines if len(lines) == len(gold) else None


# Extractions kept although their lines do not align with the text (their
# gold is written by hand): (font, tool), None for every font.
KEPT_UNALIGNED = {(None, 'pdftotext-raw'), ('amiri', 'pdfminer')}


def main():
    out_dir = 'corpus/in-the-wild'
    made = []
    for key, font in FONTS.items():
        with tempfile.TemporaryDirectory() as workdir:
            pdf = render(font, workdir)
            for tool in ['pdftotext', 'pdftotext-raw', 'pdftotext-layout', 'pdfminer', 'pypdf', 'pymupdf']:
                try:
                    lines = align(extract(tool, pdf))
                except Exception as e:  # an extractor failing is a finding, not a stop
                    print(f'{key} {tool}: failed: {e}', file=sys.stderr)
                    continue
                name = f'pdf-{key}-{tool}'
                if lines is None and ((None, tool) in KEPT_UNALIGNED or (key, tool) in KEPT_UNALIGNED):
                    text = extract(tool, pdf).replace('\f', '\n')
                    # (pdfminer's blank lines part its text boxes: kept.)
                    kept = text.rstrip('\n').split('\n') if tool == 'pdfminer' else [l for l in text.split('\n') if l.strip()]
                    with open(f'{out_dir}/{name}.broken.txt', 'w', encoding='utf-8') as f:
                        f.write('\n'.join(kept) + '\n')
                    print(f'{key} {tool}: lines do not align; the gold is written by hand', file=sys.stderr)
                    made.append(name)
                    continue
                if lines is None:
                    print(f'{key} {tool}: lines do not align, skipped', file=sys.stderr)
                    continue
                with open(f'{out_dir}/{name}.broken.txt', 'w', encoding='utf-8') as f:
                    f.write('\n'.join(lines) + '\n')
                with open(f'{out_dir}/{name}.gold.txt', 'w', encoding='utf-8') as f:
                    f.write(TEXT)
                made.append(name)
    print('made:', ' '.join(made))


if __name__ == '__main__':
    main()
