#!/usr/bin/env python3
"""Real extractions of Arabic PDFs made here, for corpus/in-the-wild/.

Renders a clean Arabic text written for this corpus to PDF with LibreOffice
(headless, one PDF per font), extracts each PDF with the extractors people
use (poppler's pdftotext with default, -raw and -layout options,
pdfminer.six, pypdf, PyMuPDF, PDFium through pypdfium2, pdf.js, and since
2026-12-06 (stop 20) Apache PDFBox, which Apache Tika runs, and pdfplumber),
and writes, for every extraction whose lines
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
kept. So were PyMuPDF's extractions of the Amiri and Noto PDFs
(`pdf-amiri-pymupdf`, `pdf-noto-pymupdf`: the glyphs in the order
LibreOffice draws them, a paragraph label's hyphen and the sentence's
period out of place, `١. يتناول ... المياه-`, one sentence's bracketed
abbreviation on lines of its own); of the KacstBook PDF it puts most
numbers and periods on lines of their own, and is not kept. PDFium
(added 2026-12-06, with pdf.js) splits a heading or a sentence's first
word onto a line of its own with the Noto and DejaVu fonts: those are not
kept. The script does not overwrite a hand-written gold.

WeasyPrint (HTML and CSS to PDF through Pango and HarfBuzz) makes a third
kind of PDF (`pdf-weasy-FONT-TOOL`, the six fonts of LibreOffice's PDFs).
Since 2026-12-06 (stop 21) Typst makes a fourth (`pdf-typst-FONT-TOOL`, the
same six fonts) and Chromium's print to PDF a fifth (`pdf-chrome-FONT-TOOL`,
the page WeasyPrint is given), and Ghostscript's text device
(`gs -sDEVICE=txtwrite`) reads every PDF too. Since stop 22 XeLaTeX and
LuaLaTeX (with polyglossia) make a sixth and a seventh
(`pdf-xelatex-FONT-TOOL`, `pdf-lualatex-FONT-TOOL`, the same six fonts),
wkhtmltopdf an eighth (`pdf-wkhtml-FONT-TOOL`), and three more readers
read every PDF: the `pdf-extract` crate (`scripts/pdf-extract-text`),
pdftext and PyMuPDF4LLM (none of whose extractions align).

Every source line is its own right-aligned paragraph, short enough never to
wrap, so that line N of an extraction is line N of the text. Since stop 23
a third text (`pdf-prose-*`) is running prose cut into lines as a wrapped
paragraph would be, without paragraph labels, and a fourth
(`pdf-vowelled-*`) fully vowelled prose; their extractions were made with
pymupdf 2.0, pypdf 7.1.1, pdfminer.six 20260107 and Chromium 156 (the
other texts' extractions came out byte-identical with them).

Needs (not the build, not the tests): Debian's libreoffice-writer-nogui,
poppler-utils, fonts-hosny-amiri, fonts-kacst, fonts-noto-core,
fonts-dejavu-core, ghostscript (10.0.0), chromium (148); PyPI's
pdfminer.six, pypdf, pymupdf, pypdfium2 (5.15.2: PDFium 159),
reportlab (5.1.0), arabic-reshaper (3.1.0), python-bidi (0.6.12), fpdf2
(2.8.9) with uharfbuzz, weasyprint (70.0), pdfplumber (0.11.11), typst (0.15.2); Debian's
libpdfbox2-java (2.0.27) with a Java runtime; npm's
pdfjs-dist (4.10.38) and node; Debian's texlive-xetex, texlive-luatex and
texlive-lang-arabic (TeX Live 2022: XeTeX 0.999994, LuaHBTeX 1.15,
polyglossia) and wkhtmltopdf (0.12.6); PyPI's pymupdf4llm, and pdftext
(0.7.1) in an environment of its own (`PDFTEXT_PYTHON`: it pins pypdfium2
5.10.1); `scripts/pdf-extract-text` built with cargo (`PDF_EXTRACT_BIN`).
Run from the crate root (naming texts by prefix, `schools` or `prose`,
makes only those; the first text is `''`):

    python3 scripts/make_pdf_extractions.py [PREFIX...]
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

# A second text, written later (2026-12-06) to see whether what the repair
# learnt from the first holds for a text it had not seen: paragraphs
# numbered 1 to 8 only (no number of two digits to judge reversed digits
# by), years and numbers in the text. Its extractions are
# `pdf-schools-FONT-TOOL`, kept where their lines align with it.
SCHOOLS = """\
تقرير عن التعليم في المناطق الريفية
أولاً- مقدمة
١- يعرض هذا التقرير حالة المدارس في القرى النائية.
٢- وقد زار الفريق ٣٥ مدرسة خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢.
٣- وتبين أن نسبة الالتحاق بلغت ٨٧ في المائة في المرحلة الابتدائية.
ثانياً- التحديات
٤- يواجه المعلمون صعوبات في الوصول إلى المدارس البعيدة.
(أ) نقص وسائل النقل العامة؛
(ب) ضعف شبكات الكهرباء والإنترنت؛
(ج) قلة الكتب والمواد التعليمية الحديثة.
٥- وأشارت منظمة الأمم المتحدة للطفولة (UNICEF) إلى ارتفاع معدلات التسرب.
ثالثاً- التوصيات
٦- ينبغي زيادة الإنفاق على التعليم بنسبة ١٢ في المائة على الأقل.
٧- ويوصي الفريق بتدريب ٤٠٠ معلم جديد في السنة المقبلة.
٨- وأخيراً، يدعو التقرير إلى إشراك الأسر في إدارة المدارس.
"""

# The third text (added 2026-12-06, stop 23): running prose as a wrapped
# paragraph comes out of a PDF, each line cut where a page would cut it:
# lines that start and end inside a sentence, a sentence ending mid-line,
# numbers, a Latin abbreviation and a date inside lines, no paragraph
# labels. The first two texts are lists whose every line is a labelled
# sentence; most lines of real documents are not.
PROSE = """\
الطاقة المتجددة في المنطقة العربية
شهدت المنطقة العربية خلال العقد الماضي تحولاً ملحوظاً في
سياسات الطاقة، إذ تبنت حكومات كثيرة خططاً وطنية لزيادة حصة
المصادر المتجددة في مزيج الكهرباء. وتشير تقديرات الوكالة
الدولية للطاقة المتجددة (IRENA) إلى أن القدرة المركبة من
الطاقة الشمسية بلغت ١٨ غيغاواط في نهاية عام ٢٠٢٢، مقابل
أقل من ٣ غيغاواط في عام ٢٠١٥. وتتصدر المغرب ومصر والإمارات
هذه الجهود، تليها الأردن والمملكة العربية السعودية.
ولا يزال التمويل العقبة الرئيسية أمام المشاريع الصغيرة، لأن
المصارف المحلية تطلب ضمانات لا تقدر عليها البلديات والتعاونيات
الريفية. وقد أطلق البنك الدولي في كانون الثاني/يناير ٢٠٢٣
برنامجاً بقيمة ٢٥٠ مليون دولار لدعم هذه الفئة من المشاريع،
على أن يغطي خمسة بلدان في مرحلته الأولى.
التحديات التقنية
تعاني الشبكات الكهربائية في معظم البلدان من ضعف قدرتها على
استيعاب الكهرباء المتقطعة المنتجة من الشمس والرياح، وتقدر
نسبة الفاقد في النقل والتوزيع بنحو ١٤ في المائة. ويرى الخبراء
أن ربط الشبكات الوطنية بعضها ببعض، وتطوير وسائل تخزين الطاقة،
شرطان أساسيان لبلوغ الأهداف المعلنة لعام ٢٠٣٠.
"""

# The fourth text (added 2026-12-06, stop 23): fully vowelled prose, as
# children's books, school readers and religious texts print it: the marks
# of every letter, shadda with its vowel, tanween, hamza forms. Written in
# NFC (a letter's vowel before its shadda), the order the repair writes.
VOWELLED = """\
حِكايَةُ النَّهْرِ الصَّغيرِ
كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ يَجْري بَيْنَ الحُقولِ،
وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفَّتِهِ كُلَّ مَساءٍ.
قالَ الجَدُّ: إِنَّ هذا النَّهْرَ أَقْدَمُ مِنَ القَرْيَةِ نَفْسِها،
وَإِنَّ ماءَهُ كانَ يَكْفي أَهْلَها جَميعاً.
ثُمَّ جاءَتْ سَنَةٌ قَليلَةُ المَطَرِ، فَجَفَّ النَّهْرُ شَهْرَيْنِ،
وَحَزِنَ النّاسُ حُزْناً شَديداً.
فَاجْتَمَعَ الرِّجالُ وَالنِّساءُ وَحَفَروا بِئْراً عَميقَةً،
وَتَعاوَنوا عَلى سَقْيِ الأَشْجارِ يَوْماً بَعْدَ يَوْمٍ.
وَلَمّا عادَ المَطَرُ في الخَريفِ، امْتَلَأَ النَّهْرُ مِنْ جَديدٍ،
فَفَرِحَ الجَميعُ، وَتَعَلَّموا أَنَّ الماءَ نِعْمَةٌ تُحْفَظُ.
"""

# The fifth text (added 2026-12-06, stop 24): technical prose in two
# scripts, as manuals, papers and product pages print it: Latin words and
# phrases inside Arabic sentences, a line that starts with a URL, Western
# digits with decimal points, percentages, a version and a date, a numbered
# list written `1.`, an e-mail address, a phone number, Latin and Arabic
# quotation marks. What a reading-order repair must keep in its place.
TECH = """\
دليل استخدام نظام تحليل النصوص
يعتمد النظام على تقنيات تعلم الآلة (Machine Learning)
لتصنيف النصوص العربية، وقد طُوِّر بلغة Python.
بلغت دقة النموذج 94.5% على بيانات الاختبار، مقابل 81% سابقاً.
متطلبات التشغيل:
1. نظام تشغيل Linux أو Windows 10 أو أحدث؛
2. ذاكرة لا تقل عن 8 GB ومساحة فارغة قدرها 20 GB؛
3. اتصال بالإنترنت لتنزيل التحديثات.
صدر الإصدار 3.2.1 في 15/03/2024، ويمكن تنزيله من الموقع
https://example.org/download مجاناً. وللاستفسار يرجى
مراسلة الدعم على العنوان support@example.org أو
الاتصال بالرقم 800-1234. هل يدعم النظام اللهجات العامية؟
نعم، فقد أضيف إليه نموذج "AraBERT" المدرب على «تويتر».
ملاحظة: تستغرق معالجة ملف حجمه 100 MB نحو 3 دقائق.
"""

TEXTS = {'': TEXT, 'schools-': SCHOOLS, 'prose-': PROSE, 'vowelled-': VOWELLED, 'tech-': TECH}

FONTS = {'amiri': 'Amiri', 'kacst': 'KacstBook', 'noto': 'Noto Naskh Arabic'}
# Fonts added later (2026-12-06) to see whether the repair holds for fonts
# it had not been built on: only their extractions that align are kept.
MORE_FONTS = {'dejavu': 'DejaVu Sans', 'kacstoffice': 'KacstOffice', 'notokufi': 'Noto Kufi Arabic'}


# Where npm installed pdfjs-dist (`npm install pdfjs-dist@4` in the crate
# root, or set PDFJS_DIST).
PDFJS_DIST = os.environ.get('PDFJS_DIST', 'node_modules/pdfjs-dist')
PDFTEXT_PYTHON = os.environ.get('PDFTEXT_PYTHON', 'python3')
PDF_EXTRACT_BIN = os.environ.get('PDF_EXTRACT_BIN', 'scripts/pdf-extract-text/target/release/pdf-extract-text')


def render(font, workdir, text=TEXT):
    body = ''.join(f'<p dir="rtl" align="right">{html.escape(line)}</p>\n' for line in text.splitlines())
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


# PDFs made by Python libraries (added 2026-12-06), from the font files:
# ReportLab after `arabic_reshaper` and `python-bidi`, the recipe most
# answers give (presentation forms in visual order; the reshaper deletes
# the marks, so their gold is the text without them), and fpdf2 with its
# HarfBuzz shaping. Only fonts that hold the hyphen, brackets and Latin
# letters (Noto Naskh and KacstBook do not: their hyphens would be lost).
LIBRARY_FONTS = {
    'amiri': '/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf',
    'dejavu': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
}


def web_page(font, text):
    """The text as an HTML page, one right-aligned paragraph per line, for
    the browsers' engines (WeasyPrint, Chromium)."""
    body = ''.join(f'<p>{html.escape(line)}</p>\n' for line in text.splitlines())
    return (
        '<html dir="rtl" lang="ar"><head><meta charset="utf-8">'
        f'<style>body {{ font-family: "{font}"; font-size: 11pt; }} p {{ margin: 0 0 4pt 0; text-align: right }}</style>'
        f'</head><body>\n{body}</body></html>\n'
    )


def render_weasyprint(font, workdir, text):
    # (WeasyPrint, added 2026-12-06: HTML to PDF with Pango's shaping, as
    # reports and invoices are made from templates.)
    from weasyprint import HTML
    path = os.path.join(workdir, 'text.pdf')
    HTML(string=web_page(font, text)).write_pdf(path)
    return path


def print_web_page(font, workdir, text, command):
    """The text's web page written to a file and printed to PDF by a
    browser engine's command line, `command(page, pdf)`."""
    source = os.path.join(workdir, 'text.html')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(web_page(font, text))
    path = os.path.join(workdir, 'text.pdf')
    subprocess.run(command(source, path), check=True, capture_output=True)
    return path


def render_chromium(font, workdir, text):
    # (Chromium's "print to PDF", added 2026-12-06 (stop 21): Skia's PDF
    # backend, which writes the PDFs of web pages saved from Chrome and of
    # the many services that render HTML with headless Chrome.)
    return print_web_page(font, workdir, text, lambda page, pdf: [
        'chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', f'--print-to-pdf={pdf}',
        'file://' + page])


def render_wkhtmltopdf(font, workdir, text):
    # (wkhtmltopdf, added 2026-12-06 (stop 22): Qt WebKit's print to PDF,
    # which many web applications still run to make invoices and reports
    # from HTML.)
    return print_web_page(font, workdir, text, lambda page, pdf: ['wkhtmltopdf', '--quiet', page, pdf])


def render_typst(font, workdir, text):
    # (Typst, added 2026-12-06 (stop 21): a typesetter with its own shaping
    # (rustybuzz), used for reports and papers. Each line is a paragraph
    # written as a string, so no character of it is read as markup.)
    import json
    import typst
    body = '\n\n'.join('#' + json.dumps(line, ensure_ascii=False) for line in text.splitlines())
    source = os.path.join(workdir, 'text.typ')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(f'#set page(paper: "a4")\n#set text(font: "{font}", size: 11pt, lang: "ar", dir: rtl)\n{body}\n')
    path = os.path.join(workdir, 'text.pdf')
    typst.compile(source, output=path)
    return path


LATEX_SPECIALS = {c: '\\' + c for c in '#$%&_{}'} | {'\\': r'\textbackslash{}', '^': r'\^{}', '~': r'\~{}'}


def render_latex(engine, font, workdir, text):
    # (XeLaTeX and LuaLaTeX with polyglossia, added 2026-12-06 (stop 22):
    # how papers, theses and books in Arabic are typeset. XeTeX shapes with
    # HarfBuzz and writes the PDF through xdvipdfmx; LuaTeX shapes with
    # luaotfload and writes the PDF itself. Each line is a paragraph.)
    body = ''.join(''.join(LATEX_SPECIALS.get(c, c) for c in line) + '\\par\n' for line in text.splitlines())
    source = os.path.join(workdir, 'text.tex')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(
            '\\documentclass[11pt]{article}\n\\usepackage{fontspec}\n\\usepackage{polyglossia}\n'
            '\\setmainlanguage{arabic}\n\\setotherlanguage{english}\n'
            f'\\newfontfamily\\arabicfont[Script=Arabic]{{{font}}}\n'
            '\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n\\begin{document}\n'
            f'{body}\\end{{document}}\n'
        )
    subprocess.run([engine, '-interaction=nonstopmode', '-halt-on-error', 'text.tex'], cwd=workdir, check=True,
                   capture_output=True)
    return os.path.join(workdir, 'text.pdf')


def without_marks(text):
    return ''.join(c for c in text if not ('\u064b' <= c <= '\u065f' or c == '\u0670'))


def render_reportlab(font_path, workdir, text):
    import arabic_reshaper
    from bidi.algorithm import get_display
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont('arabic', font_path))
    pdf = os.path.join(workdir, 'text.pdf')
    page = canvas.Canvas(pdf)
    page.setFont('arabic', 11)
    for i, line in enumerate(text.splitlines()):
        page.drawRightString(560, 800 - 20 * i, get_display(arabic_reshaper.reshape(line)))
    page.save()
    return pdf


def render_fpdf(font_path, workdir, text):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font('arabic', fname=font_path)
    pdf.set_font('arabic', size=11)
    pdf.set_text_shaping(use_shaping_engine=True, direction='rtl', script='arab', language='ara')
    for line in text.splitlines():
        pdf.cell(0, 8, line, align='R', new_x='LMARGIN', new_y='NEXT')
    path = os.path.join(workdir, 'text.pdf')
    pdf.output(path)
    return path


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
    if tool == 'pdfium':
        # PDFium (Chrome's PDF engine) through pypdfium2, as LangChain's
        # PyPDFium2Loader reads a page; it ends lines with `\r\n`.
        import pypdfium2
        pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
        return '\n'.join(pages).replace('\r\n', '\n')
    if tool == 'pdfjs':
        # pdf.js (Firefox's PDF reader, and most JavaScript pipelines): the
        # page's text items joined as they come, a line break where pdf.js
        # marks the end of a line (`hasEOL`).
        module = os.path.abspath(os.path.join(PDFJS_DIST, 'legacy', 'build', 'pdf.mjs'))
        script = (
            f"const {{ getDocument }} = await import({module!r});\n"
            "const doc = await getDocument({ url: process.argv[1], verbosity: 0 }).promise;\n"
            "let out = '';\n"
            "for (let p = 1; p <= doc.numPages; p++) {\n"
            "  const content = await (await doc.getPage(p)).getTextContent();\n"
            "  for (const item of content.items) { out += item.str; if (item.hasEOL) out += '\\n'; }\n"
            "  out += '\\n';\n"
            "}\n"
            "process.stdout.write(out);\n"
        )
        return subprocess.run(['node', '--input-type=module', '-e', script, pdf], check=True,
                              capture_output=True).stdout.decode('utf-8')
    if tool == 'pdfbox':
        # Apache PDFBox's ExtractText (what Apache Tika runs on a PDF), from
        # Debian's libpdfbox2-java.
        jars = ['pdfbox2.jar', 'fontbox2.jar', 'commons-logging.jar', 'pdfbox2-tools.jar']
        classpath = ':'.join(os.path.join('/usr/share/java', jar) for jar in jars)
        return subprocess.run(['java', '-cp', classpath, 'org.apache.pdfbox.tools.ExtractText', '-console', '-encoding',
                               'UTF-8', pdf], check=True, capture_output=True).stdout.decode('utf-8')
    if tool == 'pdfplumber':
        # pdfplumber's extract_text (built on pdfminer.six; LangChain's
        # PDFPlumberLoader), which lays a line's characters out left to right.
        import pdfplumber
        with pdfplumber.open(pdf) as doc:
            return '\n'.join(page.extract_text() or '' for page in doc.pages)
    if tool == 'pdf-extract':
        # The `pdf-extract` crate (added 2026-12-06, stop 22), what Rust
        # programs extract text with: `scripts/pdf-extract-text`, built
        # with `cargo build --release` there.
        return subprocess.run([PDF_EXTRACT_BIN, pdf], check=True, capture_output=True).stdout.decode('utf-8')
    if tool == 'pdftext':
        # pdftext 0.7.1 (added in stop 22): PDFium's characters, ordered into
        # lines by pdftext itself; what the marker converter runs. It pins
        # pypdfium2 5.10.1 (an older PDFium than the `pdfium` tool's), so it
        # runs in a Python environment of its own (`PDFTEXT_PYTHON`).
        script = 'import sys, pdftext.extraction as e; print(e.plain_text_output(sys.argv[1], sort=False))'
        return subprocess.run([PDFTEXT_PYTHON, '-c', script, pdf], check=True,
                              capture_output=True).stdout.decode('utf-8')
    if tool == 'pymupdf4llm':
        # PyMuPDF4LLM (added in stop 22): PyMuPDF's text as Markdown, what
        # many retrieval pipelines feed their models.
        import pymupdf4llm
        return pymupdf4llm.to_markdown(pdf)
    if tool == 'gs':
        # Ghostscript's text device (added 2026-12-06, stop 21), which
        # pipelines built on Ghostscript run to get a PDF's text.
        return subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=txtwrite', '-sOutputFile=-', pdf],
                              check=True, capture_output=True).stdout.decode('utf-8')
    raise ValueError(tool)


def letters(line):
    """The Arabic letters of a line as a sorted string (presentation forms
    as their letters, marks and ligature halves aside): what any extraction
    of the line holds, in whatever order."""
    import unicodedata
    base = unicodedata.normalize('NFKC', line)
    return ''.join(sorted(c for c in base if '\u0621' <= c <= '\u064a'))


def align(extracted, text=TEXT):
    """The extraction's non-empty lines, if there are exactly as many as the
    text has lines and each holds nearly the letters of its line (then line
    N is the text's line N; pdfminer moves a heading elsewhere)."""
    from difflib import SequenceMatcher
    lines = [l.rstrip('\f') for l in extracted.replace('\f', '\n').split('\n')]
    lines = [l for l in lines if l.strip()]
    gold = text.splitlines()
    if len(lines) != len(gold):
        return None
    same = all(SequenceMatcher(None, letters(l), letters(g)).ratio() > 0.8 for l, g in zip(lines, gold))
    # A text with Latin words (`TECH`) also needs them: a maker whose font
    # lacks Latin letters drops them, and its PDF no longer shows the gold.
    if text is TECH:
        same = same and all(latin_letters(l) == latin_letters(g) for l, g in zip(lines, gold))
    return lines if same else None


def latin_letters(line):
    """The Latin letters and digits of a line as a sorted string."""
    return ''.join(sorted(c for c in line if c.isascii() and c.isalnum()))


# Extractions kept although their lines do not align with the text (their
# gold is written by hand): (font, tool), None for every font.
KEPT_UNALIGNED = {(None, 'pdftotext-raw'), ('amiri', 'pdfminer'), ('amiri', 'pymupdf'), ('noto', 'pymupdf')}


def producers(text):
    """(key, render into a workdir, the gold) of every PDF made of `text`."""
    for key, font in {**FONTS, **MORE_FONTS}.items():
        yield key, lambda workdir, font=font: render(font, workdir, text), text
    for key, path in LIBRARY_FONTS.items():
        # (ReportLab's extractions are the same in both fonts: it writes
        # the reshaped code points, which every extractor reads alike.)
        if key == 'amiri':
            yield f'reportlab-{key}', lambda workdir, path=path: render_reportlab(path, workdir, text), without_marks(text)
        yield f'fpdf-{key}', lambda workdir, path=path: render_fpdf(path, workdir, text), text
    for key, font in {**FONTS, **MORE_FONTS}.items():
        yield f'weasy-{key}', lambda workdir, font=font: render_weasyprint(font, workdir, text), text
    for key, font in {**FONTS, **MORE_FONTS}.items():
        yield f'typst-{key}', lambda workdir, font=font: render_typst(font, workdir, text), text
    for key, font in {**FONTS, **MORE_FONTS}.items():
        yield f'chrome-{key}', lambda workdir, font=font: render_chromium(font, workdir, text), text
    for key, font in {**FONTS, **MORE_FONTS}.items():
        yield f'wkhtml-{key}', lambda workdir, font=font: render_wkhtmltopdf(font, workdir, text), text
    for engine in ['xelatex', 'lualatex']:
        for key, font in {**FONTS, **MORE_FONTS}.items():
            yield f'{engine}-{key}', lambda workdir, font=font, engine=engine: render_latex(engine, font, workdir, text), text


def main():
    out_dir = 'corpus/in-the-wild'
    made = []
    # (Texts to make, by prefix, `prose` for `prose-`; all when none is named.)
    chosen = {f'{name}-' if name else name for name in sys.argv[1:]}
    for prefix, source in TEXTS.items():
        if chosen and prefix not in chosen:
            continue
        for key, make_pdf, text in producers(source):
            with tempfile.TemporaryDirectory() as workdir:
                pdf = make_pdf(workdir)
                for tool in ['pdftotext', 'pdftotext-raw', 'pdftotext-layout', 'pdfminer', 'pypdf', 'pymupdf', 'pdfium',
                             'pdfjs', 'pdfbox', 'pdfplumber', 'gs', 'pdf-extract', 'pdftext', 'pymupdf4llm']:
                    try:
                        lines = align(extract(tool, pdf), text)
                    except Exception as e:  # an extractor failing is a finding, not a stop
                        print(f'{prefix}{key} {tool}: failed: {e}', file=sys.stderr)
                        continue
                    name = f'pdf-{prefix}{key}-{tool}'
                    hand_gold = (
                        not prefix and key in FONTS and ((None, tool) in KEPT_UNALIGNED or (key, tool) in KEPT_UNALIGNED)
                    )
                    if lines is None and hand_gold:
                        extracted = extract(tool, pdf).replace('\f', '\n')
                        # (pdfminer's blank lines part its text boxes: kept.)
                        if tool == 'pdfminer':
                            kept = extracted.rstrip('\n').split('\n')
                        else:
                            kept = [l for l in extracted.split('\n') if l.strip()]
                        with open(f'{out_dir}/{name}.broken.txt', 'w', encoding='utf-8') as f:
                            f.write('\n'.join(kept) + '\n')
                        print(f'{prefix}{key} {tool}: lines do not align; the gold is written by hand', file=sys.stderr)
                        made.append(name)
                        continue
                    if lines is None:
                        print(f'{prefix}{key} {tool}: lines do not align, skipped', file=sys.stderr)
                        continue
                    with open(f'{out_dir}/{name}.broken.txt', 'w', encoding='utf-8') as f:
                        f.write('\n'.join(lines) + '\n')
                    with open(f'{out_dir}/{name}.gold.txt', 'w', encoding='utf-8') as f:
                        f.write(text)
                    made.append(name)
    print('made:', ' '.join(made))


if __name__ == '__main__':
    main()
