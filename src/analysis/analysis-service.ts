import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import { EntityRefs } from './entity-refs.js';
import type { Db } from '../db/open-database.js';
import { loadVocabulary } from './load-vocabulary.js';
import { readMatchForms } from './match-forms.js';
import { VocabularyIndex } from './vocabulary-index.js';

/**
 * What the analysis pool needs of the data served now (the data context is one): the database's file to
 * open in a worker, its version to check the worker opened the same data, and the in-thread analysis state.
 */
export interface AnalysedData {
  readonly db: Db;
  readonly dataVersion: string;
  readonly analysis: AnalysisContext;
}

/**
 * The analysis state of one database handle: the vocabulary index (one big regular expression) and the
 * entity links, built on first use and kept, since the served database never changes under a handle.
 */
export class AnalysisContext {
  private index?: VocabularyIndex;
  readonly refs: EntityRefs;

  constructor(
    readonly roles: RolesRepository,
    private readonly catalog: CatalogRepository,
    private readonly db: Db,
  ) {
    this.refs = new EntityRefs(catalog, roles);
  }

  get vocabulary(): VocabularyIndex {
    this.index ??= new VocabularyIndex(loadVocabulary(this.catalog, this.roles, readMatchForms(this.db)));
    return this.index;
  }
}
