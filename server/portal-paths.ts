// Addresses of the portal's pages, built in one place for links in pages, forms, the RAG export
// and MCP answers. No server-only imports: client components use it too.

export const modelPath = (modelId: string) => `/models/${modelId}`;

/** A version's page; the version is percent-encoded (build metadata may hold "+"). */
export const versionPath = (modelId: string, version: string) => `${modelPath(modelId)}/versions/${encodeURIComponent(version)}`;
