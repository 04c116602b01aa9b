import type { DataContext } from '../data/data-context.js';
import { writeCsvZip } from './export-csv.js';
import { readExportData, type ExportData } from './export-data.js';
import { graphJsonLd } from './export-jsonld.js';
import { skosScheme } from './skos-model.js';

interface Made {
  data?: ExportData;
  csv?: Buffer;
  /** By origin: the RDF exports name nodes with absolute IRIs. */
  turtle: Map<string, Promise<string>>;
  jsonLd: Map<string, string>;
}

/**
 * The exports, each made once per data version (a data context is one version; a swap makes a new
 * one, and its exports with it) and once per origin for the RDF ones. The response cache keeps the
 * bytes for the hits that follow; this keeps a cache eviction from rebuilding them.
 */
const made = new WeakMap<DataContext, Made>();

function of(context: DataContext): Made & { data: ExportData } {
  let entry = made.get(context);
  if (!entry) {
    entry = { turtle: new Map(), jsonLd: new Map() };
    made.set(context, entry);
  }
  entry.data ??= readExportData(context.db, context.dataVersion, context.seededAt);
  return entry as Made & { data: ExportData };
}

export function csvExport(context: DataContext): Buffer {
  const entry = of(context);
  return (entry.csv ??= writeCsvZip(entry.data));
}

/**
 * Origins whose RDF exports are kept per version. Only allowed hosts name an origin of their own (any
 * port of a port-less entry counts as one), so a few cover real use; past that the oldest is dropped and
 * remade when asked again, so no stream of Host values can keep megabytes per value.
 */
const ORIGINS_KEPT = 4;

function keep<T>(byOrigin: Map<string, T>, origin: string, make: () => T): T {
  let made = byOrigin.get(origin);
  if (made === undefined) {
    made = make();
    if (byOrigin.size >= ORIGINS_KEPT) byOrigin.delete(byOrigin.keys().next().value as string);
    byOrigin.set(origin, made);
  }
  return made;
}

export function turtleExport(context: DataContext, origin: string): Promise<string> {
  const entry = of(context);
  // n3 is loaded with the first Turtle export, not at every start (about 0.1 s of CPU).
  return keep(entry.turtle, origin, () => import('./export-turtle.js').then(({ writeTurtle }) => writeTurtle(skosScheme(entry.data, origin))));
}

export function jsonLdExport(context: DataContext, origin: string): string {
  const entry = of(context);
  return keep(entry.jsonLd, origin, () => JSON.stringify(graphJsonLd(skosScheme(entry.data, origin))));
}

/** The file name a download is saved under: the data version in it, so two versions never overwrite each other. */
export function exportFileName(context: DataContext, extension: string): string {
  return `rolegraph-${context.dataVersion}.${extension}`;
}
