import { DocumentFormatError } from './document-format-error.js';
import { type ListItem, UnbalancedTextError, firstSentence, quotedStrings, splitList } from '../lib/text.js';

/**
 * The syntax of a course document ("Moduł N, Punkt M: Kim jest <Role>?"), with no knowledge of which
 * words are technologies: that is the resolver's job. Every node keeps its 1-based line.
 */

export interface Line {
  line: number;
  level: number;
  text: string;
  children: Line[];
}

export interface LabeledText {
  label: string | null;
  text: string;
  line: number;
}

export interface AnalogySide {
  roleName: string;
  label: string | null;
  text: string;
  line: number;
}

export interface ParsedAnalogy {
  title: string;
  line: number;
  sides: AnalogySide[];
}

export interface ParsedResponsibility {
  name: string;
  term: string | null;
  line: number;
  paragraphs: { text: string; line: number }[];
  technologies: { items: ListItem[]; line: number };
}

export interface ParsedComparisonSide {
  roleName: string;
  text: string;
  focus: string;
  keyQuestion: string | null;
  line: number;
}

export interface ParsedComparison {
  title: string;
  roleName: string;
  otherRoleName: string;
  line: number;
  sides: ParsedComparisonSide[];
}

export interface ParsedSkillCategory {
  name: string;
  text: string;
  items: ListItem[];
  line: number;
}

export interface ParsedSection {
  number: number;
  kind: SectionKind;
  title: string;
  subtitle: string | null;
  line: number;
}

export interface ParsedDocument {
  file: string;
  module: number;
  point: number;
  title: string;
  roleName: string;
  lineCount: number;
  sections: ParsedSection[];
  definition: LabeledText | null;
  introduction: LabeledText[];
  analogies: ParsedAnalogy[];
  responsibilities: ParsedResponsibility[];
  comparisons: ParsedComparison[];
  skillCategories: ParsedSkillCategory[];
  summary: LabeledText[];
  /** The source lines as written, for checking where a name occurs; line n is lines[n - 1]. */
  lines: string[];
}

/** The format numbers its sections; the number says what a section holds. */
export const SECTION_KINDS = ['introduction', 'responsibilities', 'differences', 'skills', 'summary'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const INDENT = 4;
const TITLE = /^Moduł (\d+), Punkt (\d+): Kim jest (.+)\?$/u;
const SECTION = /^(\d+)\.\s+(.+?)(?:\s+[–—-]\s+(.+))?$/u;
const LABELED = /^([^:]{1,80}?):\s+(.+)$/u;
const HEADING = /^(.+):$/u;
const NAMED_HEADING = /^(.+?)\s+\((.+)\):$/u;
const ROLE_LABEL = /^(.+?)(?:\s+\(([^()]+)\))?:\s+(.+)$/u;
const VERSUS = /^(.+?)\s+vs\.?\s+(.+?):$/u;
const TECHNOLOGIES_LABEL = 'Technologie';

export function parseDocument(file: string, source: string): ParsedDocument {
  const fail = (line: number, expected: string): never => {
    throw new DocumentFormatError(file, line, expected);
  };
  const lines = toLines(file, source);
  const [titleLine, ...rest] = lines;
  if (!titleLine) return fail(1, 'expected a title line "Moduł N, Punkt M: Kim jest <Role>?", found an empty document');
  const title = TITLE.exec(titleLine.text);
  if (titleLine.level !== 0 || !title) {
    return fail(titleLine.line, `expected a title line "Moduł N, Punkt M: Kim jest <Role>?", found "${titleLine.text}"`);
  }
  if (titleLine.children.length > 0) fail(titleLine.children[0].line, 'expected a numbered section "1. Title – Subtitle" after the title, found an indented line');

  const doc: ParsedDocument = {
    file,
    module: Number(title[1]),
    point: Number(title[2]),
    title: titleLine.text,
    roleName: title[3].trim(),
    lineCount: source.replace(/\r?\n$/, '').split(/\r?\n/).length,
    lines: source.replace(/\r?\n$/, '').split(/\r?\n/),
    sections: [],
    definition: null,
    introduction: [],
    analogies: [],
    responsibilities: [],
    comparisons: [],
    skillCategories: [],
    summary: [],
  };

  let expectedNumber = 1;
  for (const node of rest) {
    const heading = SECTION.exec(node.text);
    if (!heading) return fail(node.line, `expected a numbered section "${expectedNumber}. Title – Subtitle", found "${node.text}"`);
    const number = Number(heading[1]);
    if (number !== expectedNumber || number > SECTION_KINDS.length) {
      return fail(node.line, `expected section ${expectedNumber <= SECTION_KINDS.length ? expectedNumber : 'end of document'}, found section ${number}`);
    }
    expectedNumber++;
    const kind = SECTION_KINDS[number - 1];
    doc.sections.push({ number, kind, title: heading[2].trim(), subtitle: heading[3]?.trim() ?? null, line: node.line });
    if (node.children.length === 0) fail(node.line, `expected indented content under section ${number}`);
    SECTION_PARSERS[kind](node, doc, fail);
  }
  if (doc.sections.length === 0) fail(titleLine.line, 'expected at least section "1. …" with the definition after the title');
  return doc;
}

type Fail = (line: number, expected: string) => never;
type SectionParser = (section: Line, doc: ParsedDocument, fail: Fail) => void;

const SECTION_PARSERS: Record<SectionKind, SectionParser> = {
  introduction(section, doc, fail) {
    for (const node of section.children) {
      const heading = HEADING.exec(node.text);
      if (node.children.length > 0 && heading) {
        doc.analogies.push({ title: heading[1].trim(), line: node.line, sides: node.children.map((c) => parseAnalogySide(c, fail)) });
        continue;
      }
      noChildren(node, fail);
      const labeled = LABELED.exec(node.text);
      if (!labeled) return fail(node.line, `expected "Label: text" or a "Label:" heading over indented lines, found "${node.text}"`);
      const text = { label: labeled[1].trim(), text: labeled[2].trim(), line: node.line };
      if (doc.definition) doc.introduction.push(text);
      else doc.definition = text;
    }
    if (!doc.definition) fail(section.line, 'expected a "Definicja: …" paragraph in the introduction');
  },

  responsibilities(section, doc, fail) {
    for (const node of section.children) {
      const named = NAMED_HEADING.exec(node.text);
      const plain = HEADING.exec(node.text);
      if (!plain) return fail(node.line, `expected a responsibility heading "Polish name (English name):", found "${node.text}"`);
      if (node.children.length === 0) fail(node.line, `expected paragraphs and a "${TECHNOLOGIES_LABEL}: …" line under "${node.text}"`);
      const paragraphs = node.children.slice(0, -1);
      const last = node.children[node.children.length - 1];
      const techLine = LABELED.exec(last.text);
      if (!techLine || techLine[1] !== TECHNOLOGIES_LABEL) {
        return fail(last.line, `expected the responsibility to close with "${TECHNOLOGIES_LABEL}: a, b, c", found "${last.text}"`);
      }
      for (const p of node.children) noChildren(p, fail);
      doc.responsibilities.push({
        name: (named ? named[1] : plain[1]).trim(),
        term: named ? named[2].trim() : null,
        line: node.line,
        paragraphs: paragraphs.map((p) => {
          if (LABELED.exec(p.text)?.[1] === TECHNOLOGIES_LABEL) fail(p.line, `expected "${TECHNOLOGIES_LABEL}: …" only as the last line of a responsibility`);
          return { text: p.text, line: p.line };
        }),
        technologies: { items: listOrFail(techLine[2], last.line, fail), line: last.line },
      });
    }
  },

  differences(section, doc, fail) {
    for (const node of section.children) {
      const versus = VERSUS.exec(node.text);
      if (!versus) return fail(node.line, `expected a comparison heading "<Role> vs. <Role>:", found "${node.text}"`);
      const names = [versus[1].trim(), versus[2].trim()];
      if (node.children.length === 0) fail(node.line, `expected one "<Role>: …" paragraph per role under "${node.text}"`);
      const sides = node.children.map((child) => {
        noChildren(child, fail);
        const labeled = LABELED.exec(child.text);
        if (!labeled || !names.includes(labeled[1].trim())) {
          return fail(child.line, `expected a paragraph "${names[0]}: …" or "${names[1]}: …", found "${child.text}"`);
        }
        const text = labeled[2].trim();
        const question = quotedStrings(text).find((q) => q.endsWith('?')) ?? null;
        return { roleName: labeled[1].trim(), text, focus: firstSentence(text), keyQuestion: question, line: child.line };
      });
      doc.comparisons.push({ title: node.text.replace(/:$/, ''), roleName: names[0], otherRoleName: names[1], line: node.line, sides });
    }
  },

  skills(section, doc, fail) {
    for (const node of section.children) {
      noChildren(node, fail);
      const labeled = LABELED.exec(node.text);
      if (!labeled) return fail(node.line, `expected a skill line "Category: item, item (qualifier)", found "${node.text}"`);
      doc.skillCategories.push({ name: labeled[1].trim(), text: labeled[2].trim(), items: listOrFail(labeled[2], node.line, fail), line: node.line });
    }
  },

  summary(section, doc, fail) {
    for (const node of section.children) {
      noChildren(node, fail);
      doc.summary.push({ label: null, text: node.text, line: node.line });
    }
  },
};

function parseAnalogySide(node: Line, fail: Fail): AnalogySide {
  noChildren(node, fail);
  const side = ROLE_LABEL.exec(node.text);
  if (!side) return fail(node.line, `expected an analogy line "<Role> (label): text", found "${node.text}"`);
  return { roleName: side[1].trim(), label: side[2]?.trim() ?? null, text: side[3].trim(), line: node.line };
}

function noChildren(node: Line, fail: Fail): void {
  if (node.children.length > 0) fail(node.children[0].line, `expected no indented lines under "${node.text}"`);
}

function listOrFail(text: string, line: number, fail: Fail): ListItem[] {
  try {
    const items = splitList(text);
    if (items.length === 0) fail(line, 'expected at least one item in the list');
    return items;
  } catch (error) {
    if (error instanceof UnbalancedTextError) return fail(line, `expected balanced parentheses and quotes: ${error.message}`);
    throw error;
  }
}

/** Builds the indentation tree: four spaces a level, no tabs, no level skipped. */
function toLines(file: string, source: string): Line[] {
  if (source.includes('\u0000')) throw new DocumentFormatError(file, 1, 'expected a UTF-8 text document, found a NUL byte');
  const roots: Line[] = [];
  const stack: Line[] = [];
  source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const lineNumber = index + 1;
      if (raw.trim() === '') return;
      if (raw.includes('\uFFFD')) throw new DocumentFormatError(file, lineNumber, 'expected valid UTF-8, found an undecodable byte');
      const indent = /^[ \t]*/.exec(raw)![0];
      if (indent.includes('\t')) throw new DocumentFormatError(file, lineNumber, 'expected indentation with spaces (4 a level), found a tab');
      if (indent.length % INDENT !== 0) {
        throw new DocumentFormatError(file, lineNumber, `expected indentation in multiples of ${INDENT} spaces, found ${indent.length}`);
      }
      const level = indent.length / INDENT;
      while (stack.length > level) stack.pop();
      if (level > stack.length) {
        throw new DocumentFormatError(file, lineNumber, `expected indentation of at most ${stack.length * INDENT} spaces here, found ${indent.length}`);
      }
      const node: Line = { line: lineNumber, level, text: raw.trim(), children: [] };
      (stack.length === 0 ? roots : stack[stack.length - 1].children).push(node);
      stack.push(node);
    });
  return roots;
}

