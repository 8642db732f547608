// Turns the OpenAPI document into the plain rows the docs page shows. Pure: reads only the
// document, so the page can never describe something the document does not.
import { OPERATIONS, type OpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() as string;
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).join(" | ");
  if (schema.type === "array") return `array of ${typeOf(schema.items as Json)}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(" | ");
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" | ") : String(schema.type ?? "any");
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

export function docsFrom(document: OpenApiDocument) {
  const operations = OPERATIONS.map((op) => {
    const object = (document.paths[op.path] as Record<string, Json>)[op.method] as Json;
    const parameters = (object.parameters as Json[]).map((p) => ({
      name: String(p.name),
      in: String(p.in),
      required: Boolean(p.required),
      description: p.description as string | undefined,
      type: typeOf(p.schema as Json),
    }));
    const body = object.requestBody ? typeOf(((object.requestBody as Json).content as Record<string, Json>)["application/json"]?.schema as Json) : null;
    const responses = Object.entries(object.responses as Record<string, Json>).map(([status, r]) => {
      const content = r.content as Record<string, Json> | undefined;
      const schema = content ? (Object.values(content)[0]?.schema as Json) : undefined;
      return { status, description: String(r.description), schema: schema ? typeOf(schema) : null };
    });
    return { method: op.method, path: op.path, summary: op.summary, auth: op.auth, parameters, body, responses };
  });
  const schemas = Object.entries(document.components.schemas).map(([name, raw]) => {
    const schema = raw as Json;
    const required = (schema.required as string[] | undefined) ?? [];
    const fields = Object.entries((schema.properties as Record<string, Json> | undefined) ?? {}).map(([field, s]) => ({
      name: field,
      type: typeOf(s),
      required: required.includes(field),
      description: s.description as string | undefined,
    }));
    return { name, description: String(schema.description ?? ""), fields };
  });
  return { serverUrl: document.servers[0]?.url ?? "", operations, schemas };
}
