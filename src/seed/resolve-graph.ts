import { type ListItem, escapeRegExp, parseListItem, slugify, splitTopLevel } from '../lib/text.js';
import { taskKey } from '../model/ids.js';
import { assignAliasProvenance } from './alias-provenance.js';
import { markCuratedNames } from './name-provenance.js';
import type { CuratedData } from './curated-data.js';
import { EntityRegistry } from './entity-registry.js';
import { type GraphModel, type Source, emptyGraphModel } from './graph-model.js';
import { crosswalkRows } from './crosswalk-rows.js';
import { DocumentFormatError } from './document-format-error.js';
import type { ParsedComparison, ParsedDocument, ParsedResponsibility, ParsedSkillCategory } from './parse-document.js';

export interface SourceDocument {
  parsed: ParsedDocument;
  sha256: string;
}

export interface ResolvedGraph {
  model: GraphModel;
  untranslated: string[];
  warnings: string[];
}

/** Turns parsed documents into one graph: entities resolved, relations typed, every row with its source line. */
export function resolveGraph(documents: SourceDocument[], curated: CuratedData): ResolvedGraph {
  const model = emptyGraphModel();
  const registry = new EntityRegistry(model, curated);
  const sorted = [...documents].sort((a, b) => a.parsed.file.localeCompare(b.parsed.file));
  const links = new LinkSet();
  sorted.forEach((doc, index) => new DocumentResolver(model, registry, links, doc, index + 1).resolve());
  const parsed = sorted.map((doc, index) => ({ id: index + 1, parsed: doc.parsed }));
  assignAliasProvenance(model, parsed);
  markCuratedNames(model, parsed);
  model.roleCrosswalks = crosswalkRows(model, curated.crosswalks);
  return { model, untranslated: registry.untranslatedTexts(), warnings: registry.warnings };
}

class DocumentResolver {
  private readonly doc: ParsedDocument;
  private roleId = 0;
  private skillPosition = 0;

  constructor(
    private readonly model: GraphModel,
    private readonly registry: EntityRegistry,
    private readonly links: LinkSet,
    source: SourceDocument,
    private readonly documentId: number,
  ) {
    this.doc = source.parsed;
    model.documents.push({
      id: documentId,
      file: this.doc.file,
      sha256: source.sha256,
      module: this.doc.module,
      point: this.doc.point,
      titlePl: this.doc.title,
      titleEn: registry.translate(this.doc.title),
      lineCount: this.doc.lineCount,
    });
  }

  private at(line: number): Source {
    return { documentId: this.documentId, line };
  }

  private tr(pl: string | null): string | null {
    return pl === null ? null : this.registry.translate(pl);
  }

  resolve(): void {
    const { doc, registry, model } = this;
    this.roleId = registry.role(doc.roleName, this.at(1));
    const role = model.roles[this.roleId - 1];
    if (role.primaryDocumentId) {
      const other = model.documents[role.primaryDocumentId - 1].file;
      throw new DocumentFormatError(doc.file, 1, `expected a role no other document describes, but "${role.slug}" is described by ${other}`);
    }
    if (doc.definition) {
      role.primaryDocumentId = this.documentId;
      role.definitionPl = doc.definition.text;
      role.definitionEn = this.tr(doc.definition.text);
      role.definitionLine = doc.definition.line;
      const alias = new RegExp(`^${escapeRegExp(doc.roleName)}\\s+\\(([^()]+)\\)`, 'u').exec(doc.definition.text);
      if (alias) registry.roleAlias(this.roleId, alias[1], 'pl');
    }
    for (const section of doc.sections) {
      this.tr(section.title);
      this.tr(section.subtitle);
    }
    if (doc.definition) this.tr(doc.definition.label);
    this.roleTexts('introduction', doc.introduction);
    this.analogies();
    doc.responsibilities.forEach((r, i) => this.responsibility(r, i + 1));
    doc.comparisons.forEach((c, i) => this.comparison(c, i + 1));
    doc.skillCategories.forEach((c, i) => this.skillCategory(c, i + 1));
    this.roleTexts('summary', doc.summary);
  }

  private roleTexts(section: 'introduction' | 'summary', texts: ParsedDocument['summary']): void {
    texts.forEach((t, i) =>
      this.model.roleTexts.push({
        id: this.model.roleTexts.length + 1,
        roleId: this.roleId,
        section,
        position: i + 1,
        labelPl: t.label,
        labelEn: this.tr(t.label),
        textPl: t.text,
        textEn: this.tr(t.text),
        ...this.at(t.line),
      }),
    );
  }

  private analogies(): void {
    for (const analogy of this.doc.analogies) {
      const analogyId = this.model.analogies.length + 1;
      this.model.analogies.push({ id: analogyId, roleId: this.roleId, titlePl: analogy.title, titleEn: this.tr(analogy.title), ...this.at(analogy.line) });
      analogy.sides.forEach((side, i) =>
        this.model.analogySides.push({
          id: this.model.analogySides.length + 1,
          analogyId,
          roleId: this.registry.role(side.roleName, this.at(side.line)),
          position: i + 1,
          labelPl: side.label,
          labelEn: this.tr(side.label),
          textPl: side.text,
          textEn: this.tr(side.text),
          ...this.at(side.line),
        }),
      );
    }
  }

  private responsibility(parsed: ParsedResponsibility, position: number): void {
    const { model, registry } = this;
    // "MLOps (Machine Learning Operations)": a one-word name with a longer parenthesis is an expansion, not a translation.
    const termIsExpansion = parsed.term !== null && !/\s/.test(parsed.name) && /\s/.test(parsed.term);
    const nameEn = this.tr(parsed.name) ?? (parsed.term && !termIsExpansion ? parsed.term : null);
    const slug = slugify(parsed.term && !termIsExpansion ? parsed.term : (nameEn ?? parsed.name));
    const id = model.responsibilities.length + 1;
    const fresh = this.links.add(`responsibility-slug:${this.roleId}:${slug}`);
    if (!fresh) registry.warnings.push(`${this.doc.file}:${parsed.line}: responsibility slug "${slug}" repeats within the role; the later one is "${slug}-${position}"`);
    const uniqueSlug = fresh ? slug : `${slug}-${position}`;
    model.responsibilities.push({ id, roleId: this.roleId, slug: uniqueSlug, position, namePl: parsed.name, nameEn, term: parsed.term, ...this.at(parsed.line) });

    for (const m of registry.conceptTerms.find(`${parsed.name} (${parsed.term ?? ''})`)) {
      const conceptId = registry.concept(m.target, this.at(parsed.line));
      if (this.links.add(`responsibility-concept:${id}:${conceptId}`)) {
        model.responsibilityConcepts.push({ responsibilityId: id, conceptId, matched: m.matched, ...this.at(parsed.line) });
      }
    }
    const taskKeys = new Set<string>();
    parsed.paragraphs.forEach((p, i) => {
      const key = taskKey(p.text, taskKeys);
      taskKeys.add(key);
      this.task(id, key, p.text, i + 1, p.line);
    });
    this.technologyList(id, parsed.technologies.items, parsed.technologies.line);
  }

  private task(responsibilityId: number, key: string, text: string, position: number, line: number): void {
    const { model, registry } = this;
    const taskId = model.tasks.length + 1;
    model.tasks.push({ id: taskId, responsibilityId, position, key, textPl: text, textEn: this.tr(text), ...this.at(line) });
    const seenTech = new Set<number>();
    for (const m of registry.technologyTerms.find(text)) {
      const technologyId = registry.technology(m.target.name, this.at(line));
      if (seenTech.has(technologyId)) continue;
      seenTech.add(technologyId);
      model.taskTechnologies.push({ taskId, technologyId, matched: m.matched, ...this.at(line) });
    }
    const seenConcept = new Set<number>();
    for (const m of registry.conceptTerms.find(text)) {
      const conceptId = registry.concept(m.target, this.at(line));
      if (seenConcept.has(conceptId)) continue;
      seenConcept.add(conceptId);
      model.taskConcepts.push({ taskId, conceptId, matched: m.matched, ...this.at(line) });
    }
  }

  /** "Apache Spark, DVC, praca z bazami danych (SQL, NoSQL), PyTorch/TensorFlow": technologies, and the text around them. */
  private technologyList(responsibilityId: number, items: ListItem[], line: number): void {
    const { model, registry } = this;
    let technologyPosition = 0;
    let notePosition = 0;
    const link = (name: string, context: string | null) => {
      const technologyId = registry.technology(name, this.at(line));
      if (!this.links.add(`responsibility-technology:${responsibilityId}:${technologyId}`)) return;
      model.responsibilityTechnologies.push({ responsibilityId, technologyId, position: ++technologyPosition, contextPl: context, contextEn: this.tr(context), ...this.at(line) });
    };
    for (const item of items) {
      const names = this.technologyNames(item.core, true);
      const inner = item.paren ? this.technologyNamesInList(item.paren, true) : null;
      if (names) names.forEach((n) => link(n, item.paren));
      else if (inner) inner.forEach((n) => link(n, item.core));
      else {
        model.responsibilityToolNotes.push({
          id: model.responsibilityToolNotes.length + 1,
          responsibilityId,
          position: ++notePosition,
          textPl: item.raw,
          textEn: this.tr(item.raw),
          ...this.at(line),
        });
      }
    }
  }

  /**
   * The technologies an item names: itself, or its parts when "/" or " i " joins technologies
   * ("PyTorch/TensorFlow", "Docker i Kubernetes"). Null when it is plain text.
   */
  private technologyNames(text: string, allowUnknown: boolean): string[] | null {
    const whole = text.trim();
    if (this.registry.isVocabularyTechnology(whole)) return [whole];
    for (const separator of ['/', ' i ', ' oraz ', ' and ']) {
      const parts = whole.split(separator).map((p) => p.trim());
      if (parts.length > 1 && parts.every((p) => this.registry.isVocabularyTechnology(p))) return parts;
    }
    if (allowUnknown && looksLikeProperName(whole)) return [whole];
    return null;
  }

  private technologyNamesInList(list: string, allowUnknown: boolean): string[] | null {
    const names: string[] = [];
    for (const part of splitTopLevel(list, ',')) {
      const found = this.technologyNames(parseListItem(part).core, allowUnknown);
      if (!found) return null;
      names.push(...found);
    }
    return names.length ? names : null;
  }

  private comparison(parsed: ParsedComparison, position: number): void {
    const { model, registry } = this;
    const roleId = registry.role(parsed.roleName, this.at(parsed.line));
    const otherRoleId = registry.role(parsed.otherRoleName, this.at(parsed.line));
    const id = model.comparisons.length + 1;
    const slug = `${model.roles[roleId - 1].slug}-vs-${model.roles[otherRoleId - 1].slug}`;
    model.comparisons.push({ id, slug, roleId, otherRoleId, position, titlePl: parsed.title, ...this.at(parsed.line) });
    parsed.sides.forEach((side, i) => {
      const sideId = model.comparisonSides.length + 1;
      model.comparisonSides.push({
        id: sideId,
        comparisonId: id,
        roleId: registry.role(side.roleName, this.at(side.line)),
        position: i + 1,
        textPl: side.text,
        textEn: this.tr(side.text),
        focusPl: side.focus,
        focusEn: this.tr(side.focus),
        keyQuestionPl: side.keyQuestion,
        keyQuestionEn: this.tr(side.keyQuestion),
        ...this.at(side.line),
      });
      const seen = new Set<number>();
      for (const m of registry.technologyTerms.find(side.text)) {
        const technologyId = registry.technology(m.target.name, this.at(side.line));
        if (seen.has(technologyId)) continue;
        seen.add(technologyId);
        model.comparisonSideTechnologies.push({ sideId, technologyId, position: seen.size, matched: m.matched, ...this.at(side.line) });
      }
    });
  }

  private skillCategory(parsed: ParsedSkillCategory, position: number): void {
    const { model, registry } = this;
    const categoryId = registry.category(parsed.name, this.at(parsed.line));
    const category = model.skillCategories[categoryId - 1];
    model.roleSkillCategories.push({ roleId: this.roleId, categoryId, position, ...this.at(parsed.line) });
    for (const item of parsed.items) {
      const core = this.stripModifiers(item.core);
      const parts = this.technologyNames(core, false) ?? [core];
      const linked = item.paren ? this.technologyNamesInList(item.paren, false) : null;
      const qualifier = item.paren && !linked ? item.paren : null;
      for (const part of parts) {
        const skill = registry.skill(part, category.kind, this.at(parsed.line));
        if (!this.links.add(`role-skill:${this.roleId}:${skill.id}`)) {
          registry.warnings.push(`${this.doc.file}:${parsed.line}: skill "${part}" is listed twice for the role; the first listing is kept`);
          continue;
        }
        model.roleSkills.push({
          id: model.roleSkills.length + 1,
          roleId: this.roleId,
          skillId: skill.id,
          categoryId,
          position: ++this.skillPosition,
          textPl: item.raw,
          textEn: this.tr(item.raw),
          qualifierPl: qualifier,
          qualifierEn: this.tr(qualifier),
          ...this.at(parsed.line),
        });
        for (const name of [...(skill.technologyName ? [skill.technologyName] : []), ...(linked ?? [])]) {
          const technologyId = registry.technology(name, this.at(parsed.line));
          if (this.links.add(`skill-technology:${skill.id}:${technologyId}`)) {
            model.skillTechnologies.push({ skillId: skill.id, technologyId, ...this.at(parsed.line) });
          }
        }
      }
    }
  }

  /** "Głównie Python", "Zarówno relacyjne", "jak i nierelacyjne": emphasis words are not part of a skill's name. */
  private stripModifiers(text: string): string {
    let rest = text.trim();
    const modifiers = this.registry.skillModifiers();
    for (let changed = true; changed; ) {
      changed = false;
      for (const m of modifiers) {
        if (rest.toLowerCase().startsWith(`${m.toLowerCase()} `)) {
          rest = rest.slice(m.length).trim();
          changed = true;
        }
      }
    }
    return rest;
  }
}

/** The relations already made, so a pair is linked once however often the documents repeat it. */
class LinkSet {
  private readonly keys = new Set<string>();

  /** True when the key is new. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

/** A name not in the vocabulary still counts as a technology when it is written like one: capitalised and short. */
function looksLikeProperName(text: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text) && text.split(/\s+/).length <= 4;
}
