import type Database from 'better-sqlite3';
import { AnalysisContext } from '../analysis/analysis-service.js';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { graphIndexFor, type GraphIndex } from '../graph/graph-index.js';
import { createCatalogRepository, type CatalogRepository } from '../repositories/catalog-repository.js';
import { ReferenceData } from '../repositories/reference-data.js';
import { createRolesRepository, type RolesRepository } from '../repositories/roles-repository.js';
import { createReleasesRepository, type ReleasesRepository } from '../repositories/releases-repository.js';
import { createSearchRepository, type SearchRepository } from '../search/search-repository.js';

export interface Repositories {
  roles: RolesRepository;
  catalog: CatalogRepository;
  releases: ReleasesRepository;
}

/**
 * Everything derived from one database handle: its data version and the read models built from it,
 * each on first use. A hot data swap replaces the whole context, so nothing stale outlives it.
 */
export class DataContext {
  readonly dataVersion: string;
  readonly seededAt: string;
  readonly documents: string[];
  private repositoriesCache?: Repositories;
  private searchCache?: SearchRepository;
  private analysisCache?: AnalysisContext;

  constructor(
    readonly db: Db,
    private readonly sqlite?: Database.Database,
  ) {
    const meta = new Map(db.select().from(s.meta).all().map((m) => [m.key, m.value]));
    this.dataVersion = meta.get('dataVersion') ?? 'unseeded';
    this.seededAt = meta.get('seededAt') ?? 'never';
    this.documents = JSON.parse(meta.get('documents') ?? '[]') as string[];
  }

  get repositories(): Repositories {
    if (!this.repositoriesCache) {
      const refs = new ReferenceData(this.db);
      this.repositoriesCache = { roles: createRolesRepository(this.db, refs), catalog: createCatalogRepository(this.db, refs), releases: createReleasesRepository(this.db, this.dataVersion) };
    }
    return this.repositoriesCache;
  }

  get search(): ReturnType<typeof createSearchRepository> {
    return (this.searchCache ??= createSearchRepository(this.db));
  }

  get graph(): GraphIndex {
    return graphIndexFor(this.db);
  }

  get analysis(): AnalysisContext {
    return (this.analysisCache ??= new AnalysisContext(this.repositories.roles, this.repositories.catalog, this.db));
  }

  /** Closes the handle when this context owns it (the server's; tests own theirs). */
  close(): void {
    this.sqlite?.close();
  }
}
