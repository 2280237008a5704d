import { type Components, type JsonSchema, constraints, resolve, typeLabel } from './json-schema';

/** The fields of an object schema as a nested list, following references a few levels deep. */
export function SchemaFields({ schema, components, depth = 0 }: { schema: JsonSchema; components: Components; depth?: number }) {
  const resolved = resolve(schema, components);
  const properties = Object.entries(resolved.properties ?? {});
  if (properties.length === 0 || depth > 3) return null;
  return (
    <ul className={depth ? 'mt-1 ml-4 border-l border-slate-200 pl-3' : 'space-y-1'}>
      {properties.map(([name, property]) => {
        const nested = resolve(property.type === 'array' && property.items ? property.items : property, components);
        return (
          <li key={name} className="text-sm">
            <code className="font-semibold text-slate-900">{name}</code>{' '}
            <span className="text-slate-500">{typeLabel(property, components)}</span>
            {resolved.required?.includes(name) && <span className="ml-1 text-xs font-medium text-rose-700">required</span>}
            {constraints(property).length > 0 && (
              <span className="ml-2 text-xs text-slate-500">({constraints(property).join('; ')})</span>
            )}
            {property.description && <p className="text-slate-600">{property.description}</p>}
            {nested.properties && <SchemaFields schema={nested} components={components} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
