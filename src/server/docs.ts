// SPDX-License-Identifier: EUPL-1.2

type Json = Record<string, unknown>;

const escapeHtml = (text: unknown) =>
  String(text ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function schemaBlock(schema: unknown) {
  return schema ? `<pre><code>${escapeHtml(JSON.stringify(schema, null, 2))}</code></pre>` : "";
}

function operation(path: string, method: string, op: Json) {
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
  return `
  <section class="op" aria-labelledby="${id}">
    <h3 id="${id}"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
    <p>${escapeHtml(op.summary)}</p>
    <p><strong>Permission:</strong> <code>${escapeHtml(op["x-permission"] ?? "public")}</code></p>
    ${
      params.length > 0
        ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>${params
            .map(
              (p) =>
                `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
            )
            .join("")}</tbody></table>`
        : ""
    }
    ${
      body
        ? Object.entries(body)
            .map(
              ([type, c]) =>
                `<details><summary>Request body: ${escapeHtml(type)}</summary>${schemaBlock(c.schema)}</details>`,
            )
            .join("")
        : ""
    }
    <ul>${responses.map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</li>`).join("")}</ul>
  </section>`;
}

/** The page's only style sheet; the Content-Security-Policy allows it by its hash. */
export const API_DOCS_STYLE = `
body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a;line-height:1.5}
a{color:#0055a3}.op{border-top:1px solid #c5c7c9;padding:.5rem 0}.method{background:#0055a3;color:#fff;padding:0 .4rem;border-radius:3px}
pre{background:#f2f2f2;padding:.75rem;overflow:auto;max-height:30rem}table{border-collapse:collapse}td,th{border:1px solid #c5c7c9;padding:.2rem .5rem;text-align:left}
`;

/** A readable, self-contained page of the OpenAPI document (no external scripts or fonts). */
export function renderApiDocs(document: unknown): string {
  const doc = document as { info: Json; paths: Record<string, Record<string, Json>> };
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => operation(path, m, item[m] as Json)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — reference</title>
<style>${API_DOCS_STYLE}</style></head>
<body><main>
<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Base path <code>/api/v1</code>. Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
Errors are <code>application/problem+json</code> with <code>errors: [{ path, message }]</code>.</p>
<h2>Operations</h2>
${ops.join("\n")}
</main></body></html>`;
}
