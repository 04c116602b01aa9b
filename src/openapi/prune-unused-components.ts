type Doc = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * The zod transform emits an "…Input" twin of every registered schema; a read-only API never
 * uses them. Drops every component schema that nothing references, transitively.
 */
export function pruneUnusedComponents<T>(document: T): T {
  const doc = document as Doc;
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(prefix)) {
          const name = child.slice(prefix.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(child);
      }
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  doc.components!.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return document;
}
