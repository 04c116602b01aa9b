import { describe, expect, it } from 'vitest';
import { DocumentFormatError } from '../src/seed/document-format-error.js';
import { parseDocument, type ParsedDocument } from '../src/seed/parse-document.js';
import { REAL_DOCUMENT_FILE, readRealDocument, realDocumentLines, withLine } from './helpers/documents.js';

const source = readRealDocument();
const lines = realDocumentLines();
const doc: ParsedDocument = parseDocument(REAL_DOCUMENT_FILE, source);

describe('parseDocument on the real document', () => {
  it('reads the title line', () => {
    expect(lines[1]).toBe('Moduł 1, Punkt 1: Kim jest AI Engineer?');
    expect(doc.title).toBe(lines[1]);
    expect(doc.module).toBe(1);
    expect(doc.point).toBe(1);
    expect(doc.roleName).toBe('AI Engineer');
    expect(doc.file).toBe(REAL_DOCUMENT_FILE);
    expect(doc.lineCount).toBe(lines.length - 1);
  });

  it('finds the five numbered sections, each with the kind its number means', () => {
    expect(doc.sections.map((s) => [s.number, s.kind, s.line])).toEqual([
      [1, 'introduction', 3],
      [2, 'responsibilities', 15],
      [3, 'differences', 67],
      [4, 'skills', 81],
      [5, 'summary', 99],
    ]);
    for (const s of doc.sections) expect(lines[s.line].startsWith(`${s.number}. ${s.title}`)).toBe(true);
    expect(doc.sections[0]).toMatchObject({ title: 'Wprowadzenie', subtitle: 'Definicja i Rola w Ekosystemie AI' });
    expect(doc.sections[4]).toMatchObject({ title: 'Podsumowanie', subtitle: 'Dlaczego ta rola jest tak ważna?' });
    expect(doc.sections[1].subtitle).toBeNull();
  });

  it('takes the definition from line 5', () => {
    expect(doc.definition).toMatchObject({ label: 'Definicja', line: 5 });
    expect(lines[5].trim()).toBe(`Definicja: ${doc.definition!.text}`);
    expect(doc.definition!.text.startsWith('AI Engineer (Inżynier Sztucznej Inteligencji) to specjalista')).toBe(true);
    expect(doc.introduction).toEqual([expect.objectContaining({ label: 'Most między nauką a biznesem', line: 7 })]);
  });

  it('reads the analogy and its two sides', () => {
    expect(doc.analogies).toHaveLength(1);
    const analogy = doc.analogies[0];
    expect(analogy).toMatchObject({ title: 'Analogia budowlana', line: 9 });
    expect(analogy.sides.map((s) => [s.roleName, s.label, s.line])).toEqual([
      ['AI Scientist', 'Naukowiec', 11],
      ['AI Engineer', 'Inżynier Budowy', 13],
    ]);
    for (const s of analogy.sides) expect(lines[s.line]).toContain(s.text);
  });

  it('reads the five responsibilities in document order with names, terms and lines', () => {
    expect(doc.responsibilities.map((r) => [r.name, r.term, r.line])).toEqual([
      ['Projektowanie i Budowanie Potoków Danych', 'Data Pipelines', 17],
      ['Trening i Dostrajanie Modeli', 'Model Training & Fine-tuning', 23],
      ['Wdrażanie Modeli na Produkcję', 'Model Deployment', 35],
      ['MLOps', 'Machine Learning Operations', 45],
      ['Monitorowanie i Utrzymanie Modeli', 'Monitoring & Maintenance', 55],
    ]);
    for (const r of doc.responsibilities) expect(lines[r.line].trim()).toBe(`${r.name} (${r.term}):`);
  });

  it('keeps every paragraph of a responsibility, with its line, and the closing Technologie line apart', () => {
    expect(doc.responsibilities.map((r) => r.paragraphs.length)).toEqual([1, 4, 3, 3, 4]);
    for (const r of doc.responsibilities) {
      for (const p of r.paragraphs) {
        expect(lines[p.line].trim()).toBe(p.text);
        expect(p.text.startsWith('Technologie:')).toBe(false);
      }
      expect(lines[r.technologies.line].trim().startsWith('Technologie: ')).toBe(true);
    }
    expect(doc.responsibilities.map((r) => r.technologies.line)).toEqual([21, 33, 43, 53, 65]);
  });

  it('splits technology lists at top-level commas only, keeping a parenthesis with its item', () => {
    const pipelines = doc.responsibilities[0].technologies.items;
    expect(pipelines.map((i) => i.raw)).toEqual(['Apache Spark', 'Airflow', 'DVC', 'praca z bazami danych (SQL, NoSQL)']);
    expect(pipelines[3]).toEqual({ core: 'praca z bazami danych', paren: 'SQL, NoSQL', raw: 'praca z bazami danych (SQL, NoSQL)' });
    expect(pipelines[0]).toEqual({ core: 'Apache Spark', paren: null, raw: 'Apache Spark' });
    expect(doc.responsibilities[1].technologies.items.map((i) => i.core)).toEqual(['PyTorch', 'TensorFlow', 'Scikit-learn', 'Keras']);
    const deployment = doc.responsibilities[2].technologies.items;
    expect(deployment.map((i) => i.core)).toEqual(['Docker', 'Kubernetes', 'FastAPI', 'Flask', 'serwisy chmurowe']);
    expect(deployment[4].paren).toBe('AWS SageMaker, Google AI Platform');
    expect(doc.responsibilities[3].technologies.items.map((i) => i.core)).toEqual(['MLflow', 'Kubeflow', 'DVC', 'GitHub Actions']);
    // The trailing full stop of the line is not part of the last item.
    expect(doc.responsibilities[4].technologies.items.map((i) => i.core)).toEqual(['Prometheus', 'Grafana', 'narzędzia monitorujące dostawców chmurowych']);
  });

  it('reads both comparisons with their sides, focus and key questions', () => {
    expect(doc.comparisons.map((c) => [c.title, c.roleName, c.otherRoleName, c.line])).toEqual([
      ['AI Engineer vs. Data Scientist', 'AI Engineer', 'Data Scientist', 69],
      ['AI Engineer vs. Data Analyst', 'AI Engineer', 'Data Analyst', 75],
    ]);
    const sides = doc.comparisons.flatMap((c) => c.sides.map((s) => [s.roleName, s.line, s.keyQuestion]));
    expect(sides).toEqual([
      ['Data Scientist', 71, 'Czy to jest możliwe?'],
      ['AI Engineer', 73, 'Jak sprawić, by to działało dla milionów użytkowników 24/7?'],
      ['Data Analyst', 77, 'Co się stało?'],
      ['AI Engineer', 79, 'Co się stanie?'],
    ]);
    for (const side of doc.comparisons.flatMap((c) => c.sides)) {
      expect(lines[side.line].trim()).toBe(`${side.roleName}: ${side.text}`);
      expect(lines[side.line]).toContain(`"${side.keyQuestion}"`);
      expect(side.text.startsWith(side.focus)).toBe(true);
    }
    expect(doc.comparisons[1].sides[0].focus).toBe('Pracuje na danych historycznych, aby wyciągać wnioski i tworzyć raporty.');
  });

  it('reads the eight skill categories with their items and qualifiers', () => {
    expect(doc.skillCategories.map((c) => [c.name, c.line])).toEqual([
      ['Programowanie', 83],
      ['Biblioteki i Frameworki', 85],
      ['Inżynieria Oprogramowania', 87],
      ['Chmura Obliczeniowa', 89],
      ['Konteneryzacja i Orkiestracja', 91],
      ['MLOps', 93],
      ['Bazy Danych', 95],
      ['Umiejętności Miękkie', 97],
    ]);
    const byName = Object.fromEntries(doc.skillCategories.map((c) => [c.name, c.items]));
    expect(byName.Programowanie).toEqual([{ core: 'Głównie Python', paren: 'perfekcyjna znajomość', raw: 'Głównie Python (perfekcyjna znajomość)' }]);
    expect(byName['Biblioteki i Frameworki'].map((i) => [i.core, i.paren])).toEqual([
      ['Pandas', null],
      ['NumPy', 'do danych'],
      ['PyTorch/TensorFlow', 'do modeli'],
      ['Scikit-learn', null],
      ['FastAPI/Flask', 'do API'],
      ['Pydantic', 'do walidacji'],
    ]);
    expect(byName['Inżynieria Oprogramowania'].map((i) => i.core)).toEqual(['Znajomość zasad SOLID', 'wzorców projektowych', 'testowania kodu']);
    expect(byName['Chmura Obliczeniowa']).toEqual([
      expect.objectContaining({ core: 'Praktyczna znajomość co najmniej jednego dostawcy', paren: 'AWS, GCP, Azure' }),
    ]);
    expect(byName['Konteneryzacja i Orkiestracja'].map((i) => i.core)).toEqual(['Docker i Kubernetes']);
    expect(byName['Bazy Danych'].map((i) => [i.core, i.paren])).toEqual([
      ['Zarówno relacyjne', 'SQL'],
      ['jak i nierelacyjne', 'NoSQL'],
    ]);
    expect(byName['Umiejętności Miękkie'].map((i) => i.core)).toEqual(['Rozwiązywanie problemów', 'komunikacja', 'rozumienie potrzeb biznesowych']);
  });

  it('reads the summary paragraphs', () => {
    expect(doc.summary.map((s) => s.line)).toEqual([101, 103, 105]);
    for (const s of doc.summary) expect(lines[s.line].trim()).toBe(s.text);
  });

  it('accepts CRLF line endings and a byte order mark with the same result', () => {
    const crlf = parseDocument(REAL_DOCUMENT_FILE, `\uFEFF${source.replace(/\n/g, '\r\n')}`);
    expect(crlf.responsibilities.map((r) => r.line)).toEqual(doc.responsibilities.map((r) => r.line));
    expect(crlf.skillCategories).toEqual(doc.skillCategories);
  });
});

/** Parses and returns the DocumentFormatError it must throw. */
function formatError(text: string, file = 'broken.pl.txt'): DocumentFormatError {
  try {
    parseDocument(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentFormatError);
    return error as DocumentFormatError;
  }
  throw new Error('expected parseDocument to throw a DocumentFormatError');
}

function expectFormatError(text: string, line: number, says: RegExp): void {
  const error = formatError(text);
  expect(error.line).toBe(line);
  expect(error.file).toBe('broken.pl.txt');
  expect(error.message).toMatch(new RegExp(`^broken\\.pl\\.txt:${line}: expected `));
  expect(error.message).toMatch(says);
}

describe('parseDocument on malformed input', () => {
  it('rejects tab indentation at the line that has it', () => {
    expectFormatError(withLine(source, 5, lines[5].replace(/^ {4}/, '\t')), 5, /tab/);
  });

  it('rejects an indentation that is not a multiple of four spaces', () => {
    expectFormatError(withLine(source, 7, lines[7].replace(/^ {4}/, '   ')), 7, /multiples of 4 spaces, found 3/);
  });

  it('rejects a skipped indentation level', () => {
    // Line 5 sits one level under the section heading; eight spaces would make it two levels deeper.
    expectFormatError(withLine(source, 5, `    ${lines[5]}`), 5, /at most 4 spaces here, found 8/);
  });

  it('rejects a title that is not "Moduł N, Punkt M: Kim jest <Role>?"', () => {
    expectFormatError(withLine(source, 1, 'Kim jest AI Engineer'), 1, /title line/);
    expectFormatError(withLine(source, 1, 'Moduł 1, Punkt 1: Kim jest AI Engineer'), 1, /title line/);
  });

  it('rejects a section whose number is out of order', () => {
    expectFormatError(withLine(source, 15, lines[15].replace(/^2\./, '3.')), 15, /expected section 2, found section 3/);
  });

  it('rejects a responsibility that does not close with a "Technologie:" line', () => {
    // Without line 21 the last line under "Projektowanie …" (line 17) is the paragraph on line 19.
    expectFormatError(withLine(source, 21, ''), 19, /close with "Technologie: a, b, c"/);
  });

  it('rejects a comparison side that names a role the heading does not', () => {
    expectFormatError(withLine(source, 71, lines[71].replace('Data Scientist:', 'Data Engineer:')), 71, /"AI Engineer: …" or "Data Scientist: …"/);
  });

  it('rejects an unbalanced parenthesis in a skills line', () => {
    expectFormatError(withLine(source, 85, lines[85].replace('(do modeli)', '(do modeli')), 85, /balanced parentheses/);
    expectFormatError(withLine(source, 83, lines[83].replace('(perfekcyjna', 'perfekcyjna')), 83, /balanced parentheses/);
  });

  it('rejects an empty document', () => {
    expectFormatError('', 1, /title line/);
    expectFormatError('\n\n   \n', 1, /title line/);
  });

  it('rejects a title with no sections after it', () => {
    expectFormatError(lines[1], 1, /section/);
  });
});
