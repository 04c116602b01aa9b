import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import { EntityRefs } from './entity-refs.js';
import type { Db } from '../db/open-database.js';
import { loadVocabulary } from './load-vocabulary.js';
import { readMatchForms } from './match-forms.js';
import { VocabularyIndex } from './vocabulary-index.js';

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
