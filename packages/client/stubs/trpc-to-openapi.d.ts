// For the bundled declarations only: procedures' REST metadata, which no client sees.
export type OpenApiMeta = { openapi?: Record<string, unknown> };
